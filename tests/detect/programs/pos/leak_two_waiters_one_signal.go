// want: leak 1
// Two goroutines wait on a Cond and the state changes once with Signal:
// one waiter wakes, the other waits forever.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	gen := 0
	woke := make(chan int, 2)
	for w := 1; w <= 2; w++ {
		go func() {
			mu.Lock()
			for gen == 0 {
				cond.Wait()
			}
			mu.Unlock()
			woke <- w
		}()
	}
	time.Sleep(10 * time.Millisecond)
	mu.Lock()
	gen = 1
	cond.Signal() // BUG: Broadcast was meant
	mu.Unlock()
	<-woke
	time.Sleep(10 * time.Millisecond)
	fmt.Println("one waiter woke, waiters left:", 2-1-len(woke))
}
