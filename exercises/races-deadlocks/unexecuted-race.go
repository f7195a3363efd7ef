// The racy branch exists but never runs, so the detector has nothing to report.
package main

import (
	"fmt"
	"os"
	"sync"
)

func main() {
	total := 0
	var mu sync.Mutex
	var wg sync.WaitGroup
	verbose := len(os.Args) > 5 // false in every run here
	for i := 1; i <= 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if verbose {
				total += i // unsynchronised: a race, but only on this path
				return
			}
			mu.Lock()
			total += i
			mu.Unlock()
		}()
	}
	wg.Wait()
	fmt.Println("total:", total)
}
