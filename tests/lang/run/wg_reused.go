package main

import (
	"fmt"
	"runtime"
	"sync"
)

// The waiter is woken when the counter reaches zero, but main calls Add
// again before the waiter's Wait has returned: Go's Wait panics.
func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		wg.Wait()
		fmt.Println("waited")
	}()
	runtime.Gosched() // the waiter parks in Wait
	wg.Done()         // wakes it; it runs next
	wg.Add(1)         // reused before its Wait returned
	runtime.Gosched()
	fmt.Println("main done")
}

// Exit: 2
// Stderr: panic: sync: WaitGroup is reused before previous Wait has returned
// Output:
