// workerpool.go: 8 workers over 100,000 jobs through buffered channels.
package main

import (
	"fmt"
	"sync"
)

func main() {
	jobs := make(chan int, 128)
	results := make(chan int, 128)
	var wg sync.WaitGroup
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				results <- j%7 + 1
			}
		}()
	}
	go func() {
		for i := 0; i < 100000; i++ {
			jobs <- i
		}
		close(jobs)
		wg.Wait()
		close(results)
	}()
	sum := 0
	for r := range results {
		sum += r
	}
	fmt.Println(sum)
}
