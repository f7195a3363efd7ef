package main

import "fmt"

func main() {
	ch := make(chan int)
	fmt.Println("about to block")
	ch <- 1
}

// Exit: 2
// Stderr: fatal error: all goroutines are asleep - deadlock!
// Output:
// about to block
