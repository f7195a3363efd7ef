// main closes the job channel so the workers' loops end, then waits for
// them: every deferred cleanup runs before the program exits.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

var cleanups atomic.Int32

func worker(jobs <-chan int, wg *sync.WaitGroup) {
	defer wg.Done()
	defer cleanups.Add(1)
	for range jobs {
	}
}

func main() {
	jobs := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < 3; w++ {
		wg.Add(1)
		go worker(jobs, &wg)
	}
	for j := 0; j < 6; j++ {
		jobs <- j
	}
	close(jobs)
	wg.Wait()
	fmt.Println("sent 6 jobs; cleanups run:", cleanups.Load())
}
