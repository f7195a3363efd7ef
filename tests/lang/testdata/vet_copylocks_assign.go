package main

import "sync"

type T struct {
	mu sync.Mutex
	n  int
}

func main() {
	var a T
	b := a
	var c T
	c = a
	_, _ = b.n, c.n
	p := &a
	q := *p
	_ = q.n
}

// WARN 12:7: assignment copies lock value to b: main.T contains sync.Mutex
// WARN 14:6: assignment copies lock value to c: main.T contains sync.Mutex
// WARN 17:7: assignment copies lock value to q: main.T contains sync.Mutex
