// want: none
// Goroutines that sleep for different times append to a slice under a
// mutex: the sleeps make one order likely, the mutex makes any order safe.
// (The slice is sorted before printing: on a loaded machine Go's timers
// can wake the sleepers in another order.)
package main

import (
	"fmt"
	"sort"
	"sync"
	"time"
)

func main() {
	var mu sync.Mutex
	order := []int{}
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			time.Sleep(time.Duration(i) * 10 * time.Millisecond)
			mu.Lock()
			order = append(order, i)
			mu.Unlock()
		}()
	}
	wg.Wait()
	sort.Ints(order)
	fmt.Println(order)
}
