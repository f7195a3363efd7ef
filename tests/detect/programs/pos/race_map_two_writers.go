// want: race 1
// Two goroutines write the same map with no lock. (They do it 10 ms apart,
// so Go's runtime does not also stop with "concurrent map writes"; the
// race detector sees the missing happens-before either way.)
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	seen := map[string]int{}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		seen["a"] = 1
	}()
	go func() {
		defer wg.Done()
		time.Sleep(10 * time.Millisecond)
		seen["b"] = 2
	}()
	wg.Wait()
	fmt.Println(len(seen), "keys")
}
