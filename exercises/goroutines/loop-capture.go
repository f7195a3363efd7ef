//go:build go1.21

// Go 1.21 and earlier: the loop has ONE variable i, shared by every
// iteration and by every closure that mentions it.
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
			<-start // read i only after the loop has finished
			results <- i
		}()
	}
	close(start)
	got := []int{<-results, <-results, <-results}
	sort.Ints(got)
	fmt.Println("goroutines saw:", got)
}
