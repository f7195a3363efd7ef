// want: none
// Fan-in: one forwarding goroutine per input, a WaitGroup, and a closer
// that closes the merged channel once every input is drained.
package main

import (
	"fmt"
	"sync"
)

func merge(ins ...<-chan int) <-chan int {
	out := make(chan int)
	var wg sync.WaitGroup
	for _, in := range ins {
		wg.Add(1)
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

func count(from, n int) <-chan int {
	ch := make(chan int)
	go func() {
		for i := 0; i < n; i++ {
			ch <- from + i
		}
		close(ch)
	}()
	return ch
}

func main() {
	sum := 0
	for v := range merge(count(1, 3), count(100, 2), count(1000, 1)) {
		sum += v
	}
	fmt.Println("sum:", sum)
}
