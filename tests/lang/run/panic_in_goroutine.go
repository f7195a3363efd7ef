package main

import (
	"fmt"
	"time"
)

func main() {
	go func() {
		panic("goroutine failed")
	}()
	time.Sleep(time.Second)
	fmt.Println("not reached")
}

// Exit: 2
// Stderr: panic: goroutine failed
// Output:
