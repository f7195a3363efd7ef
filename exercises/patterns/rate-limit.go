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

	start := time.Now()
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	for r := range requests {
		<-tick.C // wait for the next slot
		fmt.Println("request", r, "sent")
	}
	// Ticks can arrive late or be dropped, never early: five take >= 250ms.
	fmt.Println("5 requests took at least 250ms:", time.Since(start) >= 250*time.Millisecond)
}
