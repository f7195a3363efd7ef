// want: leak 1
// A goroutine parks itself with an empty select: it can never be woken.
package main

import (
	"fmt"
	"time"
)

func main() {
	started := make(chan bool)
	go func() {
		started <- true
		select {} // blocks forever
	}()
	<-started
	time.Sleep(10 * time.Millisecond)
	fmt.Println("main returns")
}
