// want: none
// A worker that respects its deadline: the context times out first, the
// worker returns ctx.Err() on a buffered channel and exits.
package main

import (
	"context"
	"fmt"
	"time"
)

func work(ctx context.Context, out chan<- error) {
	select {
	case <-time.After(time.Second):
		out <- nil
	case <-ctx.Done():
		out <- ctx.Err()
	}
}

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	out := make(chan error, 1)
	go work(ctx, out)
	fmt.Println("work:", <-out)
}
