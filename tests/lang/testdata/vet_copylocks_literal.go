package main

import "sync"

type T struct {
	c *sync.Cond
	m sync.Mutex
}

func main() {
	var a T
	ts := []T{a}
	_ = ts
	f := func(t T) {}
	f(T{})
}

// WARN 12:12: literal copies lock value from a: main.T contains sync.Mutex
// WARN 14:14: func passes lock by value: main.T contains sync.Mutex
