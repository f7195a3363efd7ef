// errgroup.SetLimit bounds how many tasks run at once: g.Go blocks until a
// slot is free. Eight tasks, at most two in flight.
package main

import (
	"fmt"
	"sync/atomic"
	"time"

	"golang.org/x/sync/errgroup"
)

func main() {
	var g errgroup.Group
	g.SetLimit(2)
	var inFlight, peak, done atomic.Int32
	for task := 0; task < 8; task++ {
		g.Go(func() error { // blocks here while 2 tasks are running
			n := inFlight.Add(1)
			for p := peak.Load(); n > p && !peak.CompareAndSwap(p, n); p = peak.Load() {
			}
			time.Sleep(50 * time.Millisecond)
			inFlight.Add(-1)
			done.Add(1)
			return nil
		})
	}
	err := g.Wait()
	fmt.Println("done:", done.Load(), "peak in flight:", peak.Load(), "err:", err)
}
