// A ticker paces requests: one every 50ms however fast they arrive.
package main

import (
	"fmt"
	"time"
)

func main() {
	requests := make(chan int, 5)
	for i := 1; i <= 5; i++ {
		requests <- i // all five arrive at once
	}
	close(requests)

	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	start := time.Now()
	for r := range requests {
		<-tick.C // wait for the next slot
		fmt.Println("request", r, "at", time.Since(start).Round(50*time.Millisecond))
	}
}
