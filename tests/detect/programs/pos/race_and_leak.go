// want: race 1, leak 1
// Two bugs in one program: a counter updated without a lock, and a
// goroutine left waiting on a channel nobody sends to.
package main

import (
	"fmt"
	"time"
)

func main() {
	count := 0
	never := make(chan int)
	go func() {
		count++
		<-never
	}()
	time.Sleep(10 * time.Millisecond)
	count++
	fmt.Println("count updated")
}
