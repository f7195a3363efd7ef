// One path of the worker returns without calling Done.
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
	for n := 1; n <= 4; n++ {
		wg.Add(1)
		go func() {
			if err := process(n); err != nil {
				return // the early return skips wg.Done
			}
			wg.Done()
		}()
	}
	wg.Wait()
	fmt.Println("all processed")
}
