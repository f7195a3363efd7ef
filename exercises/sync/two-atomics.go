// Two atomics do not make an atomic pair. A transfer moves money between
// two accounts with two separate atomic Adds; an auditor that runs between
// them sees money missing. Each operation is atomic, the invariant is not.
package main

import (
	"fmt"
	"os"
	"sync"
	"sync/atomic"
)

func main() {
	var checking, savings atomic.Int64 // invariant: sum is always 100
	checking.Store(100)
	var finished atomic.Bool
	var wg sync.WaitGroup
	start := make(chan struct{})
	broken := 0
	wg.Add(2)
	go func() { // transfers 10 back and forth
		defer wg.Done()
		<-start
		for i := 0; i < 20000; i++ {
			checking.Add(-10)
			savings.Add(10) // an audit here sees 90
			savings.Add(-10)
			checking.Add(10)
		}
		finished.Store(true)
	}()
	go func() { // auditor: audits until the transfers are over
		defer wg.Done()
		<-start
		for !finished.Load() {
			if checking.Load()+savings.Load() != 100 {
				broken++
			}
		}
	}()
	close(start)
	wg.Wait()
	if broken > 0 {
		fmt.Println("invariant broken in some audits")
		os.Exit(1)
	}
	fmt.Println("invariant held in every audit")
}
