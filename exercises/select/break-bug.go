// break inside a select leaves the select, not the enclosing for loop.
// The loop was meant to stop once jobs is closed; it goes round again, and
// a closed channel is always ready, so it would spin forever without the
// safety limit.
package main

import "fmt"

func main() {
	jobs := make(chan int, 3)
	for i := 1; i <= 3; i++ {
		jobs <- i * 10
	}
	close(jobs)
	for round := 1; round <= 6; round++ { // safety limit
		select {
		case j, ok := <-jobs:
			if !ok {
				fmt.Println("round", round, "jobs closed: break")
				break // leaves the select only
			}
			fmt.Println("round", round, "job", j)
		}
	}
	fmt.Println("loop finished")
}
