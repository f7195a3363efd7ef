// want: none
// A worker pool done right: jobs is closed when all are queued, workers
// exit when it drains, and a closer goroutine closes results after Wait.
package main

import (
	"fmt"
	"sync"
)

type result struct {
	job, value int
}

func main() {
	jobs := make(chan int)
	results := make(chan result)
	var wg sync.WaitGroup
	for w := 0; w < 3; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				results <- result{j, j * j}
			}
		}()
	}
	go func() {
		for j := 1; j <= 9; j++ {
			jobs <- j
		}
		close(jobs)
	}()
	go func() {
		wg.Wait()
		close(results)
	}()
	total := 0
	for r := range results {
		total += r.value
	}
	fmt.Println("total:", total)
}
