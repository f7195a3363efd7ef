// want: race 1
// The writer uses atomic.AddInt64, but the reader loads the variable
// plainly: an atomic write and a plain read still race.
package main

import (
	"fmt"
	"sync/atomic"
	"time"
)

var hits int64

func main() {
	done := make(chan bool)
	go func() {
		atomic.AddInt64(&hits, 1)
		done <- true
	}()
	time.Sleep(10 * time.Millisecond)
	n := hits // BUG: should be atomic.LoadInt64(&hits)
	<-done
	fmt.Println("hits:", n)
}
