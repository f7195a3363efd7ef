// want: none
// TryLock succeeds only when the mutex is free; a goroutine that fails
// does not touch the data and tries again later.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	var mu sync.Mutex
	value := 0
	var wg sync.WaitGroup
	for w := 0; w < 3; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				if mu.TryLock() {
					value += 10
					mu.Unlock()
					return
				}
				runtime.Gosched()
			}
		}()
	}
	wg.Wait()
	fmt.Println("value:", value)
}
