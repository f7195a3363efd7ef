// want: none
// Read-mostly cache: look under RLock, and on a miss release it and take
// the write lock, checking again (never upgrade while holding RLock).
package main

import (
	"fmt"
	"sync"
)

type cache struct {
	mu    sync.RWMutex
	m     map[string]int
	fills int
}

func (c *cache) get(k string) int {
	c.mu.RLock()
	v, ok := c.m[k]
	c.mu.RUnlock()
	if ok {
		return v
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if v, ok := c.m[k]; ok {
		return v
	}
	c.fills++
	c.m[k] = len(k)
	return c.m[k]
}

func main() {
	c := &cache{m: map[string]int{}}
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.get("hello")
		}()
	}
	wg.Wait()
	fmt.Println(c.get("hello"), "fills:", c.fills)
}
