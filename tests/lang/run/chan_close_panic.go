package main

import "fmt"

func main() {
	ch := make(chan int, 1)
	close(ch)
	defer func() {
		fmt.Println("recovered:", recover())
		close(ch)
	}()
	ch <- 1
}

// Exit: 2
// Stderr: panic: send on closed channel [recovered]
// Output:
// recovered: send on closed channel
