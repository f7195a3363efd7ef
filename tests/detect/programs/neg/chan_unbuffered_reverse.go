// want: none
// On an unbuffered channel the receive also happens before the send
// completes: the receiver's write before its receive is visible to the
// sender once its send returns.
package main

import "fmt"

func main() {
	ready := make(chan int)
	shared := 0
	go func() {
		shared = 99 // before the receive
		<-ready
	}()
	ready <- 1 // completes after the receive, so after shared = 99
	fmt.Println("shared:", shared)
}
