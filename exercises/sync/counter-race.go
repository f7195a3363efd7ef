// Two goroutines increment a shared counter with no synchronisation. The
// read-modify-write of n++ interleaves, updates are lost, and the race
// detector reports the conflicting accesses.
package main

import (
	"fmt"
	"sync"
)

type counter struct {
	n int
}

func main() {
	var c counter
	var wg sync.WaitGroup
	for w := 0; w < 2; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 1000; i++ {
				c.n++ // load, add, store: not atomic
			}
		}()
	}
	wg.Wait()
	fmt.Println("both workers done")
}
