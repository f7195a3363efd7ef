// The send moves to its own goroutine, so main is free to receive and the
// two meet. (A buffer of 1 would also let this one send complete.)
package main

import "fmt"

func main() {
	ch := make(chan string)
	fmt.Println("sending...")
	go func() {
		ch <- "hello" // waits until main receives
	}()
	fmt.Println(<-ch)
}
