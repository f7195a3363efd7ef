// Meant: stop reading after 300 ms in total. Written: time.After inside the
// loop, which makes a new 300 ms timer on every iteration. Messages arrive
// every 10 ms, so no timer ever fires and the limit is never enforced.
package main

import (
	"fmt"
	"time"
)

func main() {
	msgs := make(chan int)
	go func() {
		for i := 0; i < 100; i++ {
			time.Sleep(10 * time.Millisecond)
			msgs <- i
		}
		close(msgs)
	}()
	n := 0
	for {
		select {
		case _, ok := <-msgs:
			if !ok {
				fmt.Println("stream ended after", n, "messages; the 300ms limit never fired")
				return
			}
			n++
		case <-time.After(300 * time.Millisecond): // a fresh timer each time
			fmt.Println("deadline reached")
			return
		}
	}
}
