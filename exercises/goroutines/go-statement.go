// A go statement has no value: the function's results are thrown away, so
// results come back over a channel. The arguments, though, are evaluated
// right away, in the calling goroutine, when the go statement runs.
package main

import "fmt"

func square(n int) int { return n * n }

func main() {
	go square(4) // runs, but its result is discarded

	results := make(chan int)
	for _, n := range []int{2, 3, 4} {
		go func() { results <- square(n) }()
	}
	sum := 0
	for range 3 {
		sum += <-results
	}
	fmt.Println("sum of squares via a channel:", sum)

	x := 1
	done := make(chan struct{})
	go func(v int) {
		fmt.Println("argument evaluated at the go statement:", v)
		close(done)
	}(x)
	x = 100 // too late to affect the goroutine's argument
	<-done
	fmt.Println("x is now", x)
}
