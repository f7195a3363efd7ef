// Six runnable goroutines, two Ps: at most two run Go code at any instant.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func busy(n int) int {
	s := 0
	for i := 1; i <= n; i++ {
		s += i % 7
	}
	return s
}

func main() {
	runtime.GOMAXPROCS(2)
	results := make([]int, 6)
	var wg sync.WaitGroup
	for g := 0; g < 6; g++ {
		wg.Add(1)
		go func() { // each G waits in a run queue until an M holding a P picks it
			defer wg.Done()
			results[g] = busy(1000 * (g + 1))
		}()
	}
	wg.Wait()
	fmt.Println("Ps:", runtime.GOMAXPROCS(0))
	fmt.Println("results:", results)
}
