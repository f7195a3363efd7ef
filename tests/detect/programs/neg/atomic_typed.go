// want: none
// atomic.Bool as a stop flag and atomic.Int64 as a counter, polled and
// updated from different goroutines.
package main

import (
	"fmt"
	"runtime"
	"sync/atomic"
)

func main() {
	var stop atomic.Bool
	var ticks atomic.Int64
	done := make(chan bool)
	go func() {
		for !stop.Load() {
			ticks.Add(1)
			runtime.Gosched()
		}
		done <- true
	}()
	for ticks.Load() < 3 {
		runtime.Gosched()
	}
	stop.Store(true)
	<-done
	fmt.Println("stopped after at least 3 ticks:", ticks.Load() >= 3)
}
