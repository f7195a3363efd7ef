// A worker pool whose results channel is never closed.
package main

import (
	"fmt"
	"sync"
)

func main() {
	jobs := make(chan int, 5)
	results := make(chan int, 5)

	var wg sync.WaitGroup
	for w := 0; w < 2; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				results <- j * 10
			}
		}()
	}

	for j := 1; j <= 5; j++ {
		jobs <- j
	}
	close(jobs)

	sum := 0
	for r := range results { // waits for a close that never comes
		sum += r
	}
	wg.Wait()
	fmt.Println("sum:", sum)
}
