// One mutex guards both balances: a transfer is a single critical section,
// and an audit under the same lock can never see it half done.
package main

import (
	"fmt"
	"os"
	"sync"
	"sync/atomic"
)

func main() {
	var mu sync.Mutex
	checking, savings := 100, 0 // invariant: sum is always 100
	var finished atomic.Bool
	var wg sync.WaitGroup
	start := make(chan struct{})
	broken := 0
	wg.Add(2)
	go func() {
		defer wg.Done()
		<-start
		for i := 0; i < 20000; i++ {
			mu.Lock() // each transfer is one critical section
			checking, savings = checking-10, savings+10
			mu.Unlock()
			mu.Lock()
			checking, savings = checking+10, savings-10
			mu.Unlock()
		}
		finished.Store(true)
	}()
	go func() {
		defer wg.Done()
		<-start
		for !finished.Load() {
			mu.Lock()
			if checking+savings != 100 {
				broken++
			}
			mu.Unlock()
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
