// Writer preference: once a writer waits in Lock, new readers queue behind
// it even though a reader still holds the lock. Otherwise a steady stream
// of readers could starve the writer forever.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var rw sync.RWMutex
	var wg sync.WaitGroup
	rw.RLock() // reader 1 (main) holds the read lock
	fmt.Println("reader 1 has the read lock")
	wg.Add(2)
	go func() {
		defer wg.Done()
		rw.Lock() // waits for reader 1
		fmt.Println("writer got the lock")
		rw.Unlock()
	}()
	time.Sleep(50 * time.Millisecond) // the writer is now queued
	go func() {
		defer wg.Done()
		rw.RLock() // queues behind the waiting writer
		fmt.Println("reader 2 got the read lock")
		rw.RUnlock()
	}()
	time.Sleep(50 * time.Millisecond) // reader 2 is now queued too
	fmt.Println("reader 1 releases")
	rw.RUnlock()
	wg.Wait()
}
