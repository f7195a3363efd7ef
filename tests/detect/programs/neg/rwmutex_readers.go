// want: none
// Readers share the read lock, the writer takes the write lock: reads and
// writes of the map are ordered by the RWMutex.
package main

import (
	"fmt"
	"sync"
)

type table struct {
	mu   sync.RWMutex
	rows map[int]string
}

func (t *table) get(k int) string {
	t.mu.RLock()
	defer t.mu.RUnlock()
	return t.rows[k]
}

func (t *table) put(k int, v string) {
	t.mu.Lock()
	t.rows[k] = v
	t.mu.Unlock()
}

func main() {
	t := &table{rows: map[int]string{}}
	var wg sync.WaitGroup
	found := make([]bool, 4)
	t.put(0, "zero")
	for r := 0; r < 4; r++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			found[r] = t.get(0) == "zero"
		}()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		t.put(1, "one")
	}()
	wg.Wait()
	fmt.Println(found, t.get(1))
}
