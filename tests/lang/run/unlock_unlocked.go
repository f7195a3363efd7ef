package main

import "sync"

func main() {
	var mu sync.Mutex
	mu.Unlock()
}

// Exit: 2
// Stderr: fatal error: sync: unlock of unlocked mutex
// Output:
