// want: race 1
// go-race: flaky
// A race only in some schedules: main reads x without waiting when the
// worker has not sent yet (the default case), and after the receive
// otherwise. With the default schedule the goroutine has not run yet when
// the select runs, so the default case reads x while the worker writes it.
// Under Go's scheduler either case can win, so Go's detector sees the race
// only in some runs.
package main

import (
	"fmt"
	"sync"
)

func main() {
	x := 0
	done := make(chan bool, 1)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		x = 42
		done <- true
	}()
	select {
	case <-done:
		_ = x // ordered after the write by the receive
	default:
		_ = x // not ordered: races with the write
	}
	wg.Wait()
	fmt.Println("done")
}
