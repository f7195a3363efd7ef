// The writer locks; the reader reads the field bare.
package main

import (
	"fmt"
	"sync"
)

type stats struct {
	mu   sync.Mutex
	hits int
}

func main() {
	var s stats
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		for i := 0; i < 1000; i++ {
			s.mu.Lock()
			s.hits++
			s.mu.Unlock()
		}
	}()
	go func() {
		defer wg.Done()
		seen := 0
		for i := 0; i < 1000; i++ {
			seen = s.hits // no lock: races with the writer
		}
		_ = seen
	}()
	wg.Wait()
	s.mu.Lock()
	fmt.Println("hits:", s.hits)
	s.mu.Unlock()
}
