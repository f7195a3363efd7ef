// The receiver decides it has seen enough and closes the channel. The
// sender, still in the middle of its next send, panics.
package main

import "fmt"

func main() {
	ch := make(chan int)
	finished := make(chan struct{})
	go func() { // sender: produces 10 values
		for i := 0; i < 10; i++ {
			ch <- i
		}
		close(finished)
	}()
	for i := 0; i < 3; i++ {
		fmt.Println("got", <-ch)
	}
	fmt.Println("receiver: enough, closing ch")
	close(ch) // wrong side: the sender is not done
	<-finished
	fmt.Println("unreachable")
}
