// errgroup with SetLimit: at most 2 tasks run; the first error is returned.
package main

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"
	"time"

	"golang.org/x/sync/errgroup"
)

var running, peak atomic.Int64

func task(ctx context.Context, id int) error {
	n := running.Add(1)
	defer running.Add(-1)
	for {
		p := peak.Load()
		if n <= p || peak.CompareAndSwap(p, n) {
			break
		}
	}
	if id == 3 {
		return errors.New("task 3: upstream refused")
	}
	select {
	case <-time.After(100 * time.Millisecond):
		return nil
	case <-ctx.Done(): // the group's context is cancelled by the first error
		return ctx.Err()
	}
}

func main() {
	g, ctx := errgroup.WithContext(context.Background())
	g.SetLimit(2)
	for id := 1; id <= 6; id++ {
		g.Go(func() error { return task(ctx, id) }) // blocks while 2 are running
	}
	fmt.Println("wait:", g.Wait())
	fmt.Println("peak running:", peak.Load())
	fmt.Println("ctx after Wait:", ctx.Err())

	var h errgroup.Group
	h.SetLimit(1)
	release := make(chan struct{})
	h.Go(func() error { <-release; return nil })
	fmt.Println("TryGo while full:", h.TryGo(func() error { return nil }))
	close(release)
	fmt.Println("second wait:", h.Wait())
}
