// The buggy program of loop-capture, without the go1.21 build line: since
// Go 1.22 every iteration has its own i, so each closure sees its own value.
package main

import (
	"fmt"
	"sort"
)

func main() {
	start := make(chan struct{})
	results := make(chan int)
	for i := 0; i < 3; i++ {
		go func() {
			<-start
			results <- i
		}()
	}
	close(start)
	got := []int{<-results, <-results, <-results}
	sort.Ints(got)
	fmt.Println("goroutines saw:", got)
}
