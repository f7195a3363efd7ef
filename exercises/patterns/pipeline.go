// A three-stage pipeline with fan-out (three squarers) and fan-in (merge).
package main

import (
	"fmt"
	"sync"
)

func generate(nums ...int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for _, n := range nums {
			out <- n
		}
	}()
	return out
}

func square(in <-chan int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for n := range in {
			out <- n * n
		}
	}()
	return out
}

// merge copies every input to one output and closes it when all are drained.
func merge(ins ...<-chan int) <-chan int {
	out := make(chan int)
	var wg sync.WaitGroup
	wg.Add(len(ins))
	for _, in := range ins {
		go func() {
			defer wg.Done()
			for v := range in {
				out <- v
			}
		}()
	}
	go func() {
		wg.Wait()
		close(out)
	}()
	return out
}

func main() {
	src := generate(1, 2, 3, 4, 5, 6, 7, 8, 9, 10)
	// Fan-out: three stages read the same source channel.
	merged := merge(square(src), square(src), square(src))
	sum, count := 0, 0
	for v := range merged {
		sum += v
		count++
	}
	fmt.Println("values:", count)
	fmt.Println("sum of squares:", sum)
}
