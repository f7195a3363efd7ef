// want: race 1
// A buffered channel of capacity 2 used as a lock: two holders can be
// inside at once, and the k-th receive only orders the (k+2)-th send, so
// even these two sequential critical sections are not ordered. (The
// element type is int on purpose: Go's detector keeps one clock per buffer
// slot, and for a zero-size element type all slots share one address, so
// Go would miss this race with chan struct{}.)
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	lock := make(chan int, 2) // BUG: capacity 1 would be a mutex
	total := 0
	var wg sync.WaitGroup
	wg.Add(2)
	for w := 0; w < 2; w++ {
		go func() {
			defer wg.Done()
			time.Sleep(time.Duration(w) * 10 * time.Millisecond)
			lock <- w
			total += 10
			<-lock
		}()
	}
	wg.Wait()
	fmt.Println("total:", total)
}
