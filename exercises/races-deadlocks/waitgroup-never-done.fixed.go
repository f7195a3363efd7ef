// defer wg.Done() runs on every path out of the goroutine.
package main

import (
	"errors"
	"fmt"
	"sync"
)

func process(n int) error {
	if n == 3 {
		return errors.New("bad input 3")
	}
	return nil
}

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	failed := 0
	for n := 1; n <= 4; n++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := process(n); err != nil {
				mu.Lock()
				failed++
				mu.Unlock()
				return
			}
		}()
	}
	wg.Wait()
	fmt.Println("all processed, failures:", failed)
}
