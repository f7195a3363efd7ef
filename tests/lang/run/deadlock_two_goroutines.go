package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var mu1, mu2 sync.Mutex
	done := make(chan bool)
	go func() {
		mu2.Lock()
		time.Sleep(time.Millisecond)
		mu1.Lock()
		done <- true
	}()
	mu1.Lock()
	time.Sleep(time.Millisecond)
	mu2.Lock()
	<-done
	fmt.Println("unreachable")
}

// Exit: 2
// Stderr: fatal error: all goroutines are asleep - deadlock!
// Output:
