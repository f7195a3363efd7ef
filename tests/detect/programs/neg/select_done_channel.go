// want: none
// Workers loop on a select of jobs and done; main closes done and waits for
// every worker to return.
package main

import (
	"fmt"
	"sync"
)

func main() {
	jobs := make(chan int)
	done := make(chan struct{})
	var mu sync.Mutex
	handled := 0
	var wg sync.WaitGroup
	for w := 0; w < 3; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case j := <-jobs:
					mu.Lock()
					handled += j
					mu.Unlock()
				case <-done:
					return
				}
			}
		}()
	}
	for j := 1; j <= 10; j++ {
		jobs <- j
	}
	close(done)
	wg.Wait()
	fmt.Println("handled:", handled)
}
