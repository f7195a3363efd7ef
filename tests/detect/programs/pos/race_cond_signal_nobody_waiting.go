// want: race 1
// The writer signals the Cond before anyone waits, without holding the
// lock: a Signal that wakes nobody orders nothing (Go's race detector sees
// no edge in sync.Cond at all), so main, woken later by another goroutine's
// Signal, reads done without anything ordering the write before it.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	cond.Signal() // nobody waits yet
	done := false
	go func() {
		done = true   // BUG: not under mu
		cond.Signal() // nobody waits: lost
	}()
	time.Sleep(20 * time.Millisecond)
	go func() {
		time.Sleep(20 * time.Millisecond)
		mu.Lock()
		cond.Signal()
		mu.Unlock()
	}()
	mu.Lock()
	cond.Wait()
	fmt.Println("done:", done)
	mu.Unlock()
}
