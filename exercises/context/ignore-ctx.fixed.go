// The worker selects on ctx.Done() at every point where it could block:
// receiving a job and sending a result. Cancellation reaches it wherever it
// is waiting, and it returns.
package main

import (
	"context"
	"fmt"
)

func worker(ctx context.Context, jobs <-chan int, results chan<- int) error {
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case j := <-jobs:
			select {
			case results <- j * j:
			case <-ctx.Done():
				return ctx.Err()
			}
		}
	}
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	jobs := make(chan int, 10)
	results := make(chan int)
	for i := 1; i <= 10; i++ {
		jobs <- i
	}
	stopped := make(chan error)
	go func() { stopped <- worker(ctx, jobs, results) }()
	fmt.Println("first result:", <-results)
	cancel()
	fmt.Println("worker stopped:", <-stopped)
}
