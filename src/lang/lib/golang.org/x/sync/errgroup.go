// Package errgroup: goroutines working on subtasks of a common task, with
// the first error cancelling the group's context and returned by Wait (as
// golang.org/x/sync/errgroup).
package errgroup

import (
	"context"
	"fmt"
	"sync"
)

type token struct{}

// A Group is a collection of goroutines working on subtasks; the zero
// value is valid, has no limit and does not cancel on error.
type Group struct {
	cancel  func(error)
	wg      sync.WaitGroup
	sem     chan token
	errOnce sync.Once
	err     error
}

func (g *Group) done() {
	if g.sem != nil {
		<-g.sem
	}
	g.wg.Done()
}

// WithContext returns a new Group and a derived Context, canceled the first
// time a function passed to Go returns a non-nil error or Wait returns.
func WithContext(ctx context.Context) (*Group, context.Context) {
	ctx, cancel := context.WithCancelCause(ctx)
	return &Group{cancel: cancel}, ctx
}

// Wait blocks until every Go call has returned, then returns the first
// non-nil error (if any) from them.
func (g *Group) Wait() error {
	g.wg.Wait()
	if g.cancel != nil {
		g.cancel(g.err)
	}
	return g.err
}

func (g *Group) run(f func() error) {
	defer g.done()
	if err := f(); err != nil {
		g.errOnce.Do(func() {
			g.err = err
			if g.cancel != nil {
				g.cancel(g.err)
			}
		})
	}
}

// Go calls f in a new goroutine, blocking first while the group is at its
// limit of active goroutines.
func (g *Group) Go(f func() error) {
	if g.sem != nil {
		g.sem <- token{}
	}
	g.wg.Add(1)
	go g.run(f)
}

// TryGo calls f in a new goroutine only if the group is below its limit,
// and reports whether it did.
func (g *Group) TryGo(f func() error) bool {
	if g.sem != nil {
		select {
		case g.sem <- token{}:
		default:
			return false
		}
	}
	g.wg.Add(1)
	go g.run(f)
	return true
}

// SetLimit limits the number of active goroutines to n (negative: no
// limit). It must not be called while goroutines of the group are active.
func (g *Group) SetLimit(n int) {
	if n < 0 {
		g.sem = nil
		return
	}
	if len(g.sem) != 0 {
		panic(fmt.Errorf("errgroup: modify limit while %v goroutines in the group are still active", len(g.sem)))
	}
	g.sem = make(chan token, n)
}
