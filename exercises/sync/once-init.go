// sync.Once: ten goroutines ask for the config at the same time; the
// loader runs exactly once, and every caller returns only after it has
// finished, so all of them see the loaded value.
package main

import (
	"fmt"
	"sync"
)

var (
	once   sync.Once
	config map[string]int
	loads  int
)

func getConfig() map[string]int {
	once.Do(func() {
		loads++ // safe: only one goroutine ever runs this
		config = map[string]int{"workers": 4, "retries": 3}
	})
	return config
}

func main() {
	var wg sync.WaitGroup
	seen := make([]int, 10)
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			seen[i] = getConfig()["workers"]
		}()
	}
	wg.Wait()
	fmt.Println("loads:", loads, "workers seen:", seen)
}
