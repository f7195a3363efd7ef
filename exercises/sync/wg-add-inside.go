// wg.Add inside the goroutine races with wg.Wait: if main reaches Wait
// before the goroutines have run their Add, the counter is still zero and
// Wait returns at once.
package main

import (
	"fmt"
	"os"
	"sync"
	"sync/atomic"
)

func main() {
	var wg sync.WaitGroup
	var finished atomic.Int32
	for i := 0; i < 3; i++ {
		go func() {
			wg.Add(1) // too late: Wait may already have returned
			defer wg.Done()
			finished.Add(1)
		}()
	}
	wg.Wait()
	if n := finished.Load(); n != 3 {
		fmt.Println("Wait returned with", n, "of 3 finished")
		os.Exit(1)
	}
	fmt.Println("all 3 finished")
}
