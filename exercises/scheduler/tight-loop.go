// A loop with no function calls holds the only P; preemption still lets main run.
package main

import (
	"fmt"
	"runtime"
	"sync/atomic"
)

func main() {
	runtime.GOMAXPROCS(1)
	var stop atomic.Bool
	started := make(chan struct{})
	done := make(chan struct{})
	go func() {
		close(started) // main is runnable from here on, but the P is ours
		n := 0
		for !stop.Load() {
			n++ // no calls, no blocking: only preemption can take the P away
		}
		close(done)
	}()
	<-started
	fmt.Println("main got the P back while the loop spun")
	stop.Store(true)
	<-done
	fmt.Println("loop stopped")
}
