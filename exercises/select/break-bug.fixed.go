// A labelled break names the loop to leave. (return works too when nothing
// follows the loop.)
package main

import "fmt"

func main() {
	jobs := make(chan int, 3)
	for i := 1; i <= 3; i++ {
		jobs <- i * 10
	}
	close(jobs)
loop:
	for round := 1; round <= 6; round++ { // safety limit
		select {
		case j, ok := <-jobs:
			if !ok {
				fmt.Println("round", round, "jobs closed: break")
				break loop // leaves the for loop
			}
			fmt.Println("round", round, "job", j)
		}
	}
	fmt.Println("loop finished")
}
