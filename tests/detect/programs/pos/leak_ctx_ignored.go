// want: leak 1
// The worker is given a context but only watches its input channel; after
// the cancel it still waits for input that will never come.
package main

import (
	"context"
	"fmt"
	"time"
)

func worker(ctx context.Context, in <-chan int, done chan<- bool) {
	for v := range in { // BUG: no case <-ctx.Done()
		_ = v
	}
	done <- true
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	in := make(chan int)
	done := make(chan bool)
	go worker(ctx, in, done)
	in <- 1
	cancel()
	select {
	case <-done:
		fmt.Println("worker stopped")
	case <-time.After(20 * time.Millisecond):
		fmt.Println("worker ignored the cancel")
	}
}
