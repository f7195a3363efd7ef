// want: none
// Since Go 1.22 each iteration has its own loop variable, so closures
// started in the loop do not share it.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	seen := make([]int, 3)
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			seen[i] = i * 10
		}()
	}
	wg.Wait()
	fmt.Println(seen)
}
