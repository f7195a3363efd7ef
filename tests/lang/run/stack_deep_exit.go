package main

// os.Exit from the bottom of a deep recursion, while another goroutine is
// parked at the bottom of its own: the program ends with the status given,
// deferred calls not run.

import (
	"fmt"
	"os"
)

func stuck(n int, c chan int) int {
	if n == 0 {
		return <-c
	}
	return stuck(n-1, c) + 1
}

func leave(n int) int {
	defer fmt.Println("never printed")
	if n == 0 {
		fmt.Println("exiting from the bottom")
		os.Exit(3)
	}
	return leave(n-1) + 1
}

func main() {
	c := make(chan int)
	ready := make(chan bool)
	go func() {
		ready <- true
		stuck(1000000, c)
	}()
	<-ready
	fmt.Println(leave(200000))
}

// Exit: 3
// Output:
// exiting from the bottom
