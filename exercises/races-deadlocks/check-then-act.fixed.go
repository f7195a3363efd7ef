// A CompareAndSwap loop makes the check and the increment one atomic step.
package main

import (
	"fmt"
	"os"
	"sync"
	"sync/atomic"
	"time"
)

const slots = 3

func tryTake(used *atomic.Int64) bool {
	for {
		n := used.Load()
		if n >= slots {
			return false
		}
		time.Sleep(time.Millisecond)     // the same work between the check and the act
		if used.CompareAndSwap(n, n+1) { // fails if someone changed used since the Load
			return true
		}
	}
}

func main() {
	var used atomic.Int64
	var wg sync.WaitGroup
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			tryTake(&used)
		}()
	}
	wg.Wait()
	fmt.Println("slots granted:", used.Load())
	if used.Load() > slots {
		os.Exit(1)
	}
}
