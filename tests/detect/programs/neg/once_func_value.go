// want: none
// sync.OnceFunc and sync.OnceValue (Go 1.21) give the same guarantee as
// Once.Do.
package main

import (
	"fmt"
	"sync"
)

func main() {
	calls := 0
	setup := sync.OnceFunc(func() { calls++ })
	answer := sync.OnceValue(func() int { return 6 * 7 })
	got := make([]int, 3)
	var wg sync.WaitGroup
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			setup()
			got[i] = answer()
		}()
	}
	wg.Wait()
	fmt.Println(got, "calls:", calls)
}
