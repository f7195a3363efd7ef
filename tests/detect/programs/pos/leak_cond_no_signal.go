// want: leak 1
// A goroutine waits on a Cond for a condition that nobody ever makes true
// or signals.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	ready := false
	go func() {
		mu.Lock()
		for !ready {
			cond.Wait()
		}
		mu.Unlock()
		fmt.Println("unreachable")
	}()
	time.Sleep(10 * time.Millisecond)
	mu.Lock()
	fmt.Println("ready is", ready)
	mu.Unlock()
}
