// want: none
// semaphore.Weighted admits at most two tasks at once; an atomic tracks the
// peak and the results go into each task's own slot.
package main

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/sync/semaphore"
)

func main() {
	sem := semaphore.NewWeighted(2)
	ctx := context.Background()
	var inFlight, peak atomic.Int32
	out := make([]int, 5)
	var wg sync.WaitGroup
	for i := range out {
		if err := sem.Acquire(ctx, 1); err != nil {
			fmt.Println(err)
			return
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer sem.Release(1)
			n := inFlight.Add(1)
			for p := peak.Load(); n > p && !peak.CompareAndSwap(p, n); p = peak.Load() {
			}
			time.Sleep(5 * time.Millisecond)
			out[i] = i * 3
			inFlight.Add(-1)
		}()
	}
	wg.Wait()
	fmt.Println(out, "peak:", peak.Load())
}
