// Add in the launching goroutine, before the go statement: the counter is
// 3 before Wait can possibly run, so Wait returns only after three Dones.
package main

import (
	"fmt"
	"os"
	"sync"
	"sync/atomic"
)

func main() {
	var wg sync.WaitGroup
	var finished atomic.Int32
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			finished.Add(1)
		}()
	}
	wg.Wait()
	if n := finished.Load(); n != 3 {
		fmt.Println("Wait returned with", n, "of 3 finished")
		os.Exit(1)
	}
	fmt.Println("all 3 finished")
}
