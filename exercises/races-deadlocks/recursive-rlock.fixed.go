// Summary reads under one RLock and calls a helper that assumes the lock is held.
package main

import (
	"fmt"
	"sync"
	"time"
)

type registry struct {
	mu    sync.RWMutex
	names []string
}

func (r *registry) Count() int {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return r.countLocked()
}

// countLocked requires r.mu to be held (for reading or writing).
func (r *registry) countLocked() int { return len(r.names) }

func (r *registry) Summary() string {
	r.mu.RLock()
	defer r.mu.RUnlock()
	time.Sleep(100 * time.Millisecond)           // meanwhile the writer starts waiting
	return fmt.Sprint(r.countLocked(), " names") // no second RLock
}

func main() {
	r := &registry{names: []string{"a", "b"}}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		fmt.Println(r.Summary())
	}()
	go func() {
		defer wg.Done()
		time.Sleep(20 * time.Millisecond)
		r.mu.Lock() // waits for the first read lock, and blocks new readers
		r.names = append(r.names, "c")
		r.mu.Unlock()
	}()
	wg.Wait()
	fmt.Println("final:", r.Count())
}
