// ctx.Err() is nil while the context is live, then reports why it ended,
// and keeps reporting it. Compare with errors.Is: code may wrap these.
package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	fmt.Println("live:", ctx.Err() == nil)
	cancel()
	cancel() // harmless: cancel is idempotent
	fmt.Println("after cancel, Canceled?", errors.Is(ctx.Err(), context.Canceled))

	tctx, stop := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer stop()
	<-tctx.Done()
	err := fmt.Errorf("fetch: %w", tctx.Err())
	fmt.Println("after the deadline, DeadlineExceeded?", errors.Is(err, context.DeadlineExceeded))
	fmt.Println("still set later:", tctx.Err() != nil)
	fmt.Println("wrapped text:", err.Error())
}
