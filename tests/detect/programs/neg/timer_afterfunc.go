// want: none
// time.AfterFunc runs its callback in its own goroutine; the callback
// writes a result and then closes a channel that main waits on.
package main

import (
	"fmt"
	"time"
)

func main() {
	var result string
	done := make(chan struct{})
	time.AfterFunc(10*time.Millisecond, func() {
		result = "fired"
		close(done)
	})
	<-done
	fmt.Println(result)
}
