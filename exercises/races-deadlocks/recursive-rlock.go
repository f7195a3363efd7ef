// A reader takes RLock twice; a writer queues in between, and all three wait.
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
	return len(r.names)
}

func (r *registry) Summary() string {
	r.mu.RLock()
	defer r.mu.RUnlock()
	time.Sleep(100 * time.Millisecond)     // meanwhile the writer starts waiting
	return fmt.Sprint(r.Count(), " names") // second RLock queues behind the writer
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
