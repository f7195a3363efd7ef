// The counter's mutex makes each increment a critical section: no update
// is lost and there is no race.
package main

import (
	"fmt"
	"sync"
)

type counter struct {
	mu sync.Mutex
	n  int
}

func main() {
	var c counter
	var wg sync.WaitGroup
	for w := 0; w < 2; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 1000; i++ {
				c.mu.Lock()
				c.n++
				c.mu.Unlock()
			}
		}()
	}
	wg.Wait()
	fmt.Println("both workers done, count:", c.n)
}
