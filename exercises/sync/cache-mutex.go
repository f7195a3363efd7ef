// Shared state behind a mutex: a cache map that many goroutines read and
// fill. The lock guards the memory; every access goes through it.
package main

import (
	"fmt"
	"sync"
)

type cache struct {
	mu     sync.Mutex
	data   map[int]int
	misses int
}

func (c *cache) get(k int) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	if v, ok := c.data[k]; ok {
		return v
	}
	c.misses++
	v := k * k // "expensive" computation, done under the lock
	c.data[k] = v
	return v
}

func main() {
	c := &cache{data: map[int]int{}}
	var wg sync.WaitGroup
	sums := make([]int, 4)
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; k < 10; k++ {
				sums[w] += c.get(k) // each worker writes only its own slot
			}
		}()
	}
	wg.Wait()
	fmt.Println("sums:", sums, "misses:", c.misses)
}
