// A value receiver copies the whole struct, mutex included, on every call.
// Each goroutine locks its own private copy and increments the copy's
// field: the mutual exclusion is an illusion and every update is lost.
// go vet reports: "Inc passes lock by value".
package main

import (
	"fmt"
	"sync"
)

type Counter struct {
	mu sync.Mutex
	n  int
}

func (c Counter) Inc() { // value receiver: c is a copy
	c.mu.Lock()
	c.n++
	c.mu.Unlock()
}

func main() {
	var c Counter
	var wg sync.WaitGroup
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.Inc()
		}()
	}
	wg.Wait()
	fmt.Println("count:", c.n)
}
