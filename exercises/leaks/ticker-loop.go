// A polling goroutine loops on a ticker with no way out.
package main

import (
	"fmt"
	"time"
)

func poll(ticks chan<- int) {
	t := time.NewTicker(10 * time.Millisecond)
	n := 0
	for range t.C { // never ends: a ticker channel is never closed
		n++
		if n == 3 {
			ticks <- n
		}
	}
}

func main() {
	ticks := make(chan int)
	go poll(ticks)
	n := <-ticks
	time.Sleep(5 * time.Millisecond) // the poller waits for its next tick
	fmt.Println("polled", n, "times; main returns")
}
