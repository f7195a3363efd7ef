// A compare-and-swap loop keeps a running maximum without a lock: read
// the current value, compute the new one, and install it only if nobody
// changed it in between; otherwise try again.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func storeMax(m *atomic.Int64, v int64) {
	for {
		cur := m.Load()
		if v <= cur {
			return // nothing to do
		}
		if m.CompareAndSwap(cur, v) {
			return // installed
		}
		// another goroutine changed m since Load: retry
	}
}

func main() {
	var maxSeen atomic.Int64
	var wg sync.WaitGroup
	for w := int64(0); w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int64(0); i < 1000; i++ {
				storeMax(&maxSeen, (i*37+w*11)%997)
			}
		}()
	}
	wg.Wait()
	fmt.Println("max:", maxSeen.Load())
}
