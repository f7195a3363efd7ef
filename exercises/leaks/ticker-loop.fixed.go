// The poller selects on a done channel too, stops its ticker and reports it exited.
package main

import (
	"fmt"
	"time"
)

func poll(done <-chan struct{}, ticks chan<- int, stopped chan<- struct{}) {
	defer close(stopped)
	t := time.NewTicker(10 * time.Millisecond)
	defer t.Stop()
	n := 0
	for {
		select {
		case <-t.C:
			n++
			if n == 3 {
				ticks <- n
			}
		case <-done:
			return
		}
	}
}

func main() {
	done := make(chan struct{})
	ticks := make(chan int)
	stopped := make(chan struct{})
	go poll(done, ticks, stopped)
	fmt.Println("polled", <-ticks, "times")
	close(done)
	<-stopped
	fmt.Println("poller stopped")
}
