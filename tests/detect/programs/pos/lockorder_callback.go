// want: lockorder 1
// A registry calls listeners while holding its lock; one listener locks its
// own state and then calls back into the registry from another path, which
// takes the two locks in the other order.
package main

import (
	"fmt"
	"sync"
)

type registry struct {
	mu        sync.Mutex
	listeners []func()
	count     int
}

func (r *registry) fire() {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, l := range r.listeners {
		l()
	}
}

func (r *registry) size() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.listeners)
}

type widget struct {
	mu    sync.Mutex
	calls int
}

func main() {
	r := &registry{}
	w := &widget{}
	r.listeners = append(r.listeners, func() {
		w.mu.Lock() // registry -> widget
		w.calls++
		w.mu.Unlock()
	})
	done := make(chan bool)
	go func() { r.fire(); done <- true }()
	<-done
	go func() {
		w.mu.Lock()
		n := r.size() // widget -> registry
		w.mu.Unlock()
		fmt.Println("listeners:", n)
		done <- true
	}()
	<-done
	fmt.Println("calls:", w.calls)
}
