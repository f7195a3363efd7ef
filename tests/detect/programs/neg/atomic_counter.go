// want: none
// Atomic adds never race, and the atomic load after Wait sees them all.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var hits int64
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 100; i++ {
				atomic.AddInt64(&hits, 1)
			}
		}()
	}
	wg.Wait()
	fmt.Println("hits:", atomic.LoadInt64(&hits))
}
