// Broadcast wakes every goroutine parked in Wait; each re-checks ready
// under the lock, finds it true and proceeds. (Signal would wake just one:
// right for a single consumer, wrong when every waiter must react.)
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	ready, waiting := false, 0
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			waiting++
			for !ready { // always re-check the condition in a loop
				cond.Wait() // unlocks mu while parked, relocks on wake-up
			}
			mu.Unlock()
		}()
	}
	mu.Lock()
	for waiting < 3 { // let all three reach Wait
		mu.Unlock()
		runtime.Gosched()
		mu.Lock()
	}
	ready = true
	cond.Broadcast() // wakes every waiter
	mu.Unlock()
	fmt.Println("ready set, waiters notified")
	wg.Wait()
	fmt.Println("all 3 waiters proceeded")
}
