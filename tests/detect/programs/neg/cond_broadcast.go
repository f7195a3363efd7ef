// want: none
// A starting gate: every runner waits on the Cond until main opens the gate
// and broadcasts.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	gate := sync.NewCond(&mu)
	open := false
	var wg sync.WaitGroup
	lane := make([]int, 4)
	for r := 0; r < 4; r++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			for !open {
				gate.Wait()
			}
			mu.Unlock()
			lane[r] = r + 1
		}()
	}
	mu.Lock()
	open = true
	gate.Broadcast()
	mu.Unlock()
	wg.Wait()
	fmt.Println(lane)
}
