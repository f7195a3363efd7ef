// Graceful shutdown: stop intake, let the workers drain the queue, wait with a deadline.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

func main() {
	jobs := make(chan int, 10)
	var processed atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < 3; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range jobs { // a worker exits once jobs is closed and empty
				time.Sleep(10 * time.Millisecond)
				processed.Add(1)
			}
		}()
	}
	for j := 1; j <= 6; j++ {
		jobs <- j
	}

	// Shutdown: no new work, finish what is queued, but not forever.
	close(jobs)
	done := make(chan struct{})
	go func() {
		wg.Wait()
		close(done)
	}()
	select {
	case <-done:
		fmt.Println("drained", processed.Load(), "jobs; all workers stopped")
	case <-time.After(time.Second):
		fmt.Println("deadline hit after", processed.Load(), "jobs")
	}
}
