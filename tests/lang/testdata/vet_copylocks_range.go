package main

import "sync"

type T struct {
	mu sync.RWMutex
}

func main() {
	ts := make([]T, 2)
	for _, t := range ts {
		t.mu.RLock()
	}
}

// WARN 11:9: range var t copies lock: main.T contains sync.RWMutex
