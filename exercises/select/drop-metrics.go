// Non-blocking send and receive: select with default. A metrics channel
// with room for 3 events drops what does not fit instead of stalling the
// hot path; a try-receive drains it without ever blocking.
package main

import "fmt"

func main() {
	metrics := make(chan string, 3)
	sent, dropped := 0, 0
	for i := 1; i <= 10; i++ {
		select {
		case metrics <- fmt.Sprintf("event %d", i):
			sent++
		default: // buffer full: drop rather than block
			dropped++
		}
	}
	fmt.Printf("sent %d, dropped %d\n", sent, dropped)
	for {
		select {
		case m := <-metrics:
			fmt.Println("flushed", m)
		default:
			fmt.Println("nothing ready: stop flushing")
			return
		}
	}
}
