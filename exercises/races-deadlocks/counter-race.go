// Two goroutines increment a shared counter with no synchronisation.
package main

import (
	"fmt"
	"sync"
)

func main() {
	counter := 0
	var wg sync.WaitGroup
	for g := 0; g < 2; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 1000; i++ {
				counter++ // load, add, store: another goroutine can run in between
			}
		}()
	}
	wg.Wait()
	fmt.Println("counter:", counter)
}
