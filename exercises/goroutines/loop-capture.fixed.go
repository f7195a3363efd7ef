//go:build go1.21

// Still Go 1.21 semantics, but each goroutine gets its own copy of i as an
// argument, evaluated when the go statement runs.
package main

import (
	"fmt"
	"sort"
)

func main() {
	start := make(chan struct{})
	results := make(chan int)
	for i := 0; i < 3; i++ {
		go func(i int) {
			<-start
			results <- i
		}(i)
	}
	close(start)
	got := []int{<-results, <-results, <-results}
	sort.Ints(got)
	fmt.Println("goroutines saw:", got)
}
