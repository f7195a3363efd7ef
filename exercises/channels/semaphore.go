// A buffered channel as a counting semaphore: a goroutine per task, but at
// most 3 inside the critical part at once. Sending takes a slot (blocking
// when all 3 are taken), receiving gives it back.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

func main() {
	sem := make(chan struct{}, 3)
	var inFlight, peak atomic.Int32
	var wg sync.WaitGroup
	for task := 1; task <= 10; task++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}        // acquire: blocks while 3 are running
			defer func() { <-sem }() // release
			n := inFlight.Add(1)
			for {
				p := peak.Load()
				if n <= p || peak.CompareAndSwap(p, n) {
					break
				}
			}
			time.Sleep(50 * time.Millisecond) // the limited resource
			inFlight.Add(-1)
		}()
	}
	wg.Wait()
	fmt.Println("10 tasks done, peak in flight:", peak.Load())
}
