// A waiting writer makes new readers queue behind it, so it cannot starve.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var rw sync.RWMutex
	events := make(chan string, 6)
	var wg sync.WaitGroup
	wg.Add(3)
	go func() { // reader 1 holds the read lock for 150ms
		defer wg.Done()
		rw.RLock()
		events <- "reader 1 in"
		time.Sleep(150 * time.Millisecond)
		events <- "reader 1 out"
		rw.RUnlock()
	}()
	go func() { // at 50ms a writer asks for the lock and must wait
		defer wg.Done()
		time.Sleep(50 * time.Millisecond)
		rw.Lock()
		events <- "writer in"
		rw.Unlock()
	}()
	go func() { // at 100ms a second reader arrives while the writer waits
		defer wg.Done()
		time.Sleep(100 * time.Millisecond)
		rw.RLock() // blocks although only a reader holds the lock
		events <- "reader 2 in"
		rw.RUnlock()
	}()
	wg.Wait()
	close(events)
	for e := range events {
		fmt.Println(e)
	}
}
