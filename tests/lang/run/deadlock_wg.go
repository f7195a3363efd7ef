package main

import "sync"

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	wg.Wait()
}

// Exit: 2
// Stderr: fatal error: all goroutines are asleep - deadlock!
// Output:
