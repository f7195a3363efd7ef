// A worker that takes a context but never looks at it. The caller cancels
// and stops reading results; the worker, blocked sending its next result,
// can never notice, and stays parked in "chan send" forever.
package main

import (
	"context"
	"fmt"
	"runtime"
	"time"
)

func worker(ctx context.Context, jobs <-chan int, results chan<- int) {
	for j := range jobs { // ctx is ignored
		results <- j * j
	}
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	jobs := make(chan int, 10)
	results := make(chan int)
	for i := 1; i <= 10; i++ {
		jobs <- i
	}
	go worker(ctx, jobs, results)
	fmt.Println("first result:", <-results)
	cancel() // the caller is done and stops reading
	time.Sleep(10 * time.Millisecond)
	fmt.Println("cancelled; goroutines alive:", runtime.NumGoroutine())
}
