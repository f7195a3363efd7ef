// sync.OnceValue (Go 1.21) wraps a function so it runs at most once and
// every call returns its result: lazy initialisation without a separate
// Once and package variable.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var loads atomic.Int32
	port := sync.OnceValue(func() int {
		loads.Add(1)
		return 8080 // imagine reading a config file
	})
	var wg sync.WaitGroup
	seen := make([]int, 5)
	for i := range seen {
		wg.Add(1)
		go func() {
			defer wg.Done()
			seen[i] = port()
		}()
	}
	wg.Wait()
	fmt.Println("loads:", loads.Load(), "seen:", seen)
}

func pair() {
	load := sync.OnceValues(func() (string, error) { return "cfg", nil })
	s, err := load()
	_, _ = s+"!", err
}
