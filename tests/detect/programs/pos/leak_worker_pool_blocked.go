// want: leak 3
// A pool of three workers reads jobs from a channel that is never closed;
// main collects the results and returns, and every worker is left waiting
// for a job that will never come.
package main

import "fmt"

func worker(jobs <-chan int, results chan<- int) {
	for j := range jobs {
		results <- j * j
	}
}

func main() {
	jobs := make(chan int)
	results := make(chan int)
	for w := 0; w < 3; w++ {
		go worker(jobs, results)
	}
	total := 0
	for j := 1; j <= 6; j++ {
		jobs <- j
		total += <-results
	}
	fmt.Println("total:", total)
}
