// A method that holds the lock calls another method that takes it again.
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
	return len(c.data)
}

func (c *cache) Put(k string, v int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.data[k] = v
	fmt.Println("size now", c.Len()) // Go mutexes are not reentrant
}

func main() {
	c := &cache{data: map[string]int{}}
	c.Put("a", 1)
}
