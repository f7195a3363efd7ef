// semaphore.Weighted: tasks of different weights share a capacity of 4.
package main

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/sync/semaphore"
)

var held, peak atomic.Int64

func work(weight int64) {
	n := held.Add(weight)
	for {
		p := peak.Load()
		if n <= p || peak.CompareAndSwap(p, n) {
			break
		}
	}
	time.Sleep(10 * time.Millisecond)
	held.Add(-weight)
}

func main() {
	ctx := context.Background()
	sem := semaphore.NewWeighted(4)
	var wg sync.WaitGroup
	weights := []int64{1, 1, 2, 3, 1, 4, 2, 2}
	for _, w := range weights {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := sem.Acquire(ctx, w); err != nil {
				return
			}
			defer sem.Release(w)
			work(w)
		}()
	}
	wg.Wait()
	fmt.Println("peak weight held:", peak.Load(), "of 4")

	// A request heavier than the whole semaphore can never be granted:
	// Acquire waits until its context gives up.
	tctx, cancel := context.WithTimeout(ctx, 50*time.Millisecond)
	defer cancel()
	fmt.Println("acquire 5:", sem.Acquire(tctx, 5))
	fmt.Println("try 4 when idle:", sem.TryAcquire(4))
}
