// pipeline.go: two stages joined by a buffered channel; the Run screen
// tests step it one event at a time and run it to the end.
package main

import "fmt"

func square(in <-chan int, out chan<- int) {
	for v := range in {
		out <- v * v
	}
	close(out)
}

func main() {
	in := make(chan int, 2)
	out := make(chan int)
	go square(in, out)
	go func() {
		for i := 1; i <= 4; i++ {
			in <- i
		}
		close(in)
	}()
	sum := 0
	for v := range out {
		sum += v
	}
	fmt.Println("sum", sum)
}
