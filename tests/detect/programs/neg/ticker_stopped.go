// want: none
// A ticker loop with a way out: main stops the loop through a done channel,
// the goroutine stops its ticker and reports how many ticks it saw.
package main

import (
	"fmt"
	"time"
)

func main() {
	done := make(chan struct{})
	seen := make(chan int)
	go func() {
		t := time.NewTicker(10 * time.Millisecond)
		defer t.Stop()
		n := 0
		for {
			select {
			case <-t.C:
				n++
				if n == 3 {
					seen <- n
				}
			case <-done:
				return
			}
		}
	}()
	fmt.Println("ticks:", <-seen)
	close(done)
	time.Sleep(5 * time.Millisecond)
}
