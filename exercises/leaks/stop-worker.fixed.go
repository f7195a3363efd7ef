// The worker selects on a done channel; main closes it and waits for the exit.
package main

import "fmt"

func worker(done <-chan struct{}, jobs <-chan int, results chan<- int, stopped chan<- struct{}) {
	defer close(stopped)
	for {
		select {
		case j := <-jobs:
			results <- j * j
		case <-done:
			return
		}
	}
}

func main() {
	done := make(chan struct{})
	stopped := make(chan struct{})
	jobs := make(chan int)
	results := make(chan int)
	go worker(done, jobs, results, stopped)
	for i := 1; i <= 3; i++ {
		jobs <- i
		fmt.Println(<-results)
	}
	close(done) // the owner stops the worker
	<-stopped   // and waits until it has really returned
	fmt.Println("worker stopped")
}
