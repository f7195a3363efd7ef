package main

import "sync"

type T struct {
	mu sync.Mutex
}

func (t *T) Lock() { t.mu.Lock() }

func newT() T { return T{} }

func main() {
	t := newT()
	p := &t
	p.Lock()
	ts := []*T{p}
	for _, x := range ts {
		_ = x
	}
}
