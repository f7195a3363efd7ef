// want: none
// errgroup.WithContext: the first error cancels the group's context, the
// other tasks see it and return, and Wait reports the first error.
package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"golang.org/x/sync/errgroup"
)

func main() {
	g, ctx := errgroup.WithContext(context.Background())
	for i := 0; i < 3; i++ {
		g.Go(func() error {
			if i == 0 {
				time.Sleep(5 * time.Millisecond)
				return errors.New("fetch 0 failed")
			}
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-time.After(time.Second):
				return nil
			}
		})
	}
	fmt.Println("wait:", g.Wait())
	fmt.Println("ctx:", ctx.Err())
}
