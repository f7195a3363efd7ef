// The same pool with a closer goroutine that closes results after the workers.
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
	go func() {
		wg.Wait()      // every worker has returned: no more sends on results
		close(results) // so the range below can end
	}()

	for j := 1; j <= 5; j++ {
		jobs <- j
	}
	close(jobs)

	sum := 0
	for r := range results {
		sum += r
	}
	fmt.Println("sum:", sum)
}
