// errgroup.WithContext: the first task to fail cancels the shared context,
// the others notice and stop, and Wait returns that first error.
package main

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"sync"

	"golang.org/x/sync/errgroup"
)

func main() {
	g, ctx := errgroup.WithContext(context.Background())
	var mu sync.Mutex
	var stopped []string
	for _, name := range []string{"users", "orders", "stock"} {
		g.Go(func() error {
			if name == "orders" {
				return errors.New("orders: backend unavailable")
			}
			<-ctx.Done() // a slow call that honours cancellation
			mu.Lock()
			stopped = append(stopped, name+": "+ctx.Err().Error())
			mu.Unlock()
			return ctx.Err()
		})
	}
	err := g.Wait()
	sort.Strings(stopped)
	fmt.Println("Wait returned:", err)
	fmt.Println("cancelled:", stopped)
}
