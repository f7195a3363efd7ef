package main

import (
	"fmt"
)

func worker(done <-chan struct{}, out chan<- int) {
	for i := 0; ; i++ {
		select {
		case <-done:
			close(out)
			return
		case out <- i:
		}
	}
}

func main() {
	done := make(chan struct{})
	out := make(chan int)
	go worker(done, out)
	for i := 0; i < 5; i++ {
		fmt.Print(<-out, " ")
	}
	close(done)
	for range out {
	}
	fmt.Println("stopped")
}

// Output:
// 0 1 2 3 4 stopped
