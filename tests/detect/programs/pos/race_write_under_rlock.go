// want: race 1
// The lookup counts its hits while holding only the read lock: readers
// run together, so the write races with the other reader's write.
package main

import (
	"fmt"
	"sync"
	"time"
)

type cache struct {
	mu   sync.RWMutex
	data map[string]string
	hits int
}

func (c *cache) get(k string) string {
	c.mu.RLock()
	defer c.mu.RUnlock()
	c.hits++ // BUG: a write under RLock
	return c.data[k]
}

func main() {
	c := &cache{data: map[string]string{"k": "v"}}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		c.get("k")
	}()
	go func() {
		defer wg.Done()
		time.Sleep(10 * time.Millisecond)
		c.get("k")
	}()
	wg.Wait()
	fmt.Println("hits:", c.hits)
}
