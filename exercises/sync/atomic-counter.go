// A typed atomic (Go 1.19): each Add is one indivisible operation, so ten
// goroutines can count concurrently without a lock and without losing
// updates.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var hits atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < 10; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 1000; i++ {
				hits.Add(1)
			}
		}()
	}
	wg.Wait()
	fmt.Println("hits:", hits.Load())
}
