// The first channel bug most people meet: main sends on an unbuffered
// channel and only then tries to receive. The send waits for a receiver
// that can never arrive, because the receiver is main itself.
package main

import "fmt"

func main() {
	ch := make(chan string)
	fmt.Println("sending...")
	ch <- "hello" // blocks forever: nobody is receiving
	fmt.Println(<-ch)
}
