// want: leak 2
// A channel used as a semaphore of two: the first two tasks forget to
// release their slot, so the next two wait for one forever.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	sem := make(chan struct{}, 2)
	var mu sync.Mutex
	done := 0
	for t := 0; t < 4; t++ {
		go func() {
			sem <- struct{}{} // acquire
			mu.Lock()
			done++
			mu.Unlock()
			// forgot: <-sem
		}()
	}
	time.Sleep(10 * time.Millisecond)
	mu.Lock()
	fmt.Println("tasks done:", done)
	mu.Unlock()
}
