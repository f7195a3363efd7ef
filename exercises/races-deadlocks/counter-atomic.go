// The shared counter as an atomic.Int64: each Add is one indivisible step.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var counter atomic.Int64
	var wg sync.WaitGroup
	for g := 0; g < 2; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 1000; i++ {
				counter.Add(1)
			}
		}()
	}
	wg.Wait()
	fmt.Println("counter:", counter.Load())
}
