// Err says only "canceled" or "deadline exceeded". WithCancelCause (Go
// 1.20) lets the canceller record why, and context.Cause reports it for the
// context and all its descendants.
package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

var errClientGone = errors.New("client closed the connection")

func main() {
	ctx, cancel := context.WithCancelCause(context.Background())
	child, stop := context.WithTimeout(ctx, time.Hour)
	defer stop()
	cancel(errClientGone)
	cancel(errors.New("second call")) // ignored: the first cause wins
	fmt.Println("Err:  ", child.Err())
	fmt.Println("Cause:", context.Cause(child))
	fmt.Println("is errClientGone:", errors.Is(context.Cause(child), errClientGone))

	short, stop2 := context.WithTimeout(context.Background(), time.Millisecond)
	defer stop2()
	<-short.Done()
	fmt.Println("timeout Cause:", context.Cause(short))
	fmt.Println("never cancelled:", context.Cause(context.Background()))
}
