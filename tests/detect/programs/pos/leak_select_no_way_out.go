// want: leak 1
// A goroutine waits in a select whose channels nobody will ever send on or
// close: there is no default, no timeout and no done channel.
package main

import (
	"fmt"
	"time"
)

func main() {
	data := make(chan string)
	quit := make(chan bool)
	go func() {
		select {
		case s := <-data:
			fmt.Println("got", s)
		case <-quit:
			fmt.Println("quit")
		}
	}()
	time.Sleep(10 * time.Millisecond)
	fmt.Println("main forgot both channels")
}
