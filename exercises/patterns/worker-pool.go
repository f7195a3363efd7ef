// A bounded worker pool: three workers share one jobs channel.
package main

import (
	"fmt"
	"sort"
	"sync"
)

type result struct {
	job, square, worker int
}

func main() {
	jobs := make(chan int, 10)
	results := make(chan result)

	var wg sync.WaitGroup
	for w := 1; w <= 3; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				results <- result{job: j, square: j * j, worker: w}
			}
		}()
	}
	// The closer: results is closed only once every worker has returned.
	go func() {
		wg.Wait()
		close(results)
	}()

	for j := 1; j <= 10; j++ {
		jobs <- j // the buffer holds the jobs no worker has taken yet
	}
	close(jobs) // workers leave their range loops once the buffer is empty

	var got []result
	for r := range results {
		got = append(got, r)
	}
	sort.Slice(got, func(a, b int) bool { return got[a].job < got[b].job })
	sum := 0
	for _, r := range got {
		sum += r.square
	}
	for _, r := range got[:3] {
		fmt.Printf("job %d -> %d\n", r.job, r.square)
	}
	fmt.Println("jobs done:", len(got))
	fmt.Println("sum of squares:", sum)
}
