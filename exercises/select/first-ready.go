// select waits until one of its cases can proceed and runs that one. Two
// replies arrive 10 ms and 200 ms after the start; a loop of two selects
// handles them in the order they become ready.
package main

import (
	"fmt"
	"time"
)

func reply(d time.Duration, name string) <-chan string {
	ch := make(chan string, 1) // the reply never blocks its sender
	go func() {
		time.Sleep(d)
		ch <- name
	}()
	return ch
}

func main() {
	slow := reply(200*time.Millisecond, "slow replica")
	fast := reply(10*time.Millisecond, "fast replica")
	for i := 1; i <= 2; i++ {
		select {
		case r := <-slow:
			fmt.Println(i, r)
		case r := <-fast:
			fmt.Println(i, r)
		}
	}
}
