// One goroutine spawns eight busy ones onto its own P; the idle P steals some.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func spin(n int) int {
	x := 0
	for i := 0; i < n; i++ {
		x = (x*31 + i) % 1000003
	}
	return x
}

func main() {
	runtime.GOMAXPROCS(2)
	results := make([]int, 8)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { // the spawner: new goroutines go to the local queue of its P
		defer wg.Done()
		var inner sync.WaitGroup
		for i := 0; i < 8; i++ {
			inner.Add(1)
			go func() {
				defer inner.Done()
				results[i] = spin(20000)
			}()
		}
		inner.Wait()
	}()
	wg.Wait()
	same := true
	for _, r := range results {
		same = same && r == results[0]
	}
	fmt.Println("8 busy goroutines finished, same result each:", same)
}
