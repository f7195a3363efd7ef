package main

import "sync"

type Counter struct {
	mu sync.Mutex
	n  int
}

func (c Counter) Get() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.n
}

func main() {
	c := &Counter{}
	_ = c.Get()
}

// WARN 10:9: Get passes lock by value: main.Counter contains sync.Mutex
