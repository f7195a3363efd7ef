// A buffered channel of capacity 3 as a semaphore caps the queries in flight.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

const dbConnections = 3

var inUse, peak atomic.Int64

func query(id int) {
	n := inUse.Add(1)
	for {
		p := peak.Load()
		if n <= p || peak.CompareAndSwap(p, n) {
			break
		}
	}
	time.Sleep(100 * time.Millisecond) // the query holds a connection
	inUse.Add(-1)
}

func main() {
	sem := make(chan struct{}, dbConnections)
	var wg sync.WaitGroup
	for id := 1; id <= 12; id++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}        // acquire a token: blocks while 3 are out
			defer func() { <-sem }() // release it
			query(id)
		}()
	}
	wg.Wait()
	fmt.Println("peak connections in use:", peak.Load())
	fmt.Println("over the limit of", dbConnections, "->", peak.Load() > dbConnections)
}
