// Three workers wait for a "go" signal. Sending one value wakes exactly one
// of them; the other two stay parked.
package main

import (
	"fmt"
	"time"
)

func main() {
	start := make(chan struct{})
	started := make(chan int, 3)
	for id := 1; id <= 3; id++ {
		go func() {
			<-start
			started <- id
		}()
	}
	time.Sleep(10 * time.Millisecond) // let all three reach <-start
	start <- struct{}{}               // one value: one receiver
	<-started
	time.Sleep(10 * time.Millisecond) // give the others every chance
	fmt.Println("workers started:", 1+len(started))
}
