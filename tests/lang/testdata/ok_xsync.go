package main

import (
	"context"
	"errors"
	"fmt"

	"golang.org/x/sync/errgroup"
	"golang.org/x/sync/semaphore"
)

func main() {
	g, ctx := errgroup.WithContext(context.Background())
	sem := semaphore.NewWeighted(2)
	for i := range 3 {
		g.Go(func() error {
			if err := sem.Acquire(ctx, 1); err != nil {
				return err
			}
			defer sem.Release(1)
			if i == 5 {
				return errors.New("never")
			}
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		fmt.Println(err)
	}

}

// NOGO golang.org/x/sync is not in Go's standard library (go build needs the module)
