// An unexported helper assumes the lock is held; only exported methods lock.
package main

import (
	"fmt"
	"sync"
)

type cache struct {
	mu   sync.Mutex
	data map[string]int
}

func (c *cache) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.lenLocked()
}

// lenLocked requires c.mu to be held by the caller.
func (c *cache) lenLocked() int { return len(c.data) }

func (c *cache) Put(k string, v int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.data[k] = v
	fmt.Println("size now", c.lenLocked())
}

func main() {
	c := &cache{data: map[string]int{}}
	c.Put("a", 1)
	fmt.Println("len:", c.Len())
}
