// Workers finish in any order; an index in each result restores the input order.
package main

import (
	"fmt"
	"strings"
	"sync"
)

type result struct {
	index int
	value string
}

func main() {
	words := []string{"alpha", "beta", "gamma", "delta", "epsilon"}
	jobs := make(chan int)
	results := make(chan result)
	var wg sync.WaitGroup
	for w := 0; w < 3; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				results <- result{index: i, value: strings.ToUpper(words[i])}
			}
		}()
	}
	go func() {
		for i := range words {
			jobs <- i
		}
		close(jobs)
	}()
	go func() {
		wg.Wait()
		close(results)
	}()

	out := make([]string, len(words)) // one slot per input, filled in any order
	for r := range results {
		out[r.index] = r.value
	}
	fmt.Println(strings.Join(out, " "))
}
