// A worker with an endless loop and no way to be told to stop.
package main

import (
	"fmt"
	"time"
)

func worker(jobs <-chan int, results chan<- int) {
	for {
		j := <-jobs
		results <- j * j
	}
}

func main() {
	jobs := make(chan int)
	results := make(chan int)
	go worker(jobs, results)
	for i := 1; i <= 3; i++ {
		jobs <- i
		fmt.Println(<-results)
	}
	time.Sleep(10 * time.Millisecond) // the worker is back at <-jobs by now
	fmt.Println("main returns; the worker waits for a fourth job forever")
}
