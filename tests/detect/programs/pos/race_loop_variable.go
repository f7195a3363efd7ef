//go:build go1.21

// want: race 1
// output: varies
// Before Go 1.22 the loop variable is one variable shared by every
// iteration: the goroutines read i while the loop increments it.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	sum := 0
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			v := i // reads the shared i
			mu.Lock()
			sum += v
			mu.Unlock()
		}()
	}
	wg.Wait()
	fmt.Println("sum:", sum)
}
