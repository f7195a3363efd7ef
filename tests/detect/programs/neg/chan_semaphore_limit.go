// want: none
// A buffered channel limits how many workers run at once; results are
// stored in each worker's own slice element and read after Wait.
package main

import (
	"fmt"
	"sync"
)

func main() {
	sem := make(chan struct{}, 2)
	results := make([]int, 6)
	var wg sync.WaitGroup
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			results[i] = i * i
		}()
	}
	wg.Wait()
	fmt.Println(results)
}
