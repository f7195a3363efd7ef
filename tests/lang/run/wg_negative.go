package main

import "sync"

func main() {
	var wg sync.WaitGroup
	wg.Done()
}

// Exit: 2
// Stderr: panic: sync: negative WaitGroup counter
// Output:
