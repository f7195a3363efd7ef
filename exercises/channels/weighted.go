// semaphore.Weighted: like a channel semaphore, but a task can take
// several units at once and Acquire honours a context. Here the capacity
// is 4 units; big jobs take 3, small jobs 1.
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
	sem := semaphore.NewWeighted(4)
	ctx := context.Background()
	var used, peak atomic.Int64
	var wg sync.WaitGroup
	for _, w := range []int64{3, 1, 3, 1, 1, 3} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := sem.Acquire(ctx, w); err != nil {
				return // only if ctx is cancelled
			}
			defer sem.Release(w)
			u := used.Add(w)
			for p := peak.Load(); u > p && !peak.CompareAndSwap(p, u); p = peak.Load() {
			}
			time.Sleep(10 * time.Millisecond)
			used.Add(-w)
		}()
	}
	wg.Wait()
	fmt.Println("peak units in use never above 4:", peak.Load() <= 4)
	fmt.Println("TryAcquire(5), more than the capacity:", sem.TryAcquire(5))
	fmt.Println("TryAcquire(4) once all are released:", sem.TryAcquire(4))
}
