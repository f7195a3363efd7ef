// One timer, created before the loop, measures the whole 300 ms. When it
// fires, the reader tells the producer to stop and waits for it to exit.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	msgs := make(chan int)
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; i < 100; i++ {
			time.Sleep(10 * time.Millisecond)
			select {
			case msgs <- i:
			case <-done:
				return
			}
		}
	}()
	deadline := time.NewTimer(300 * time.Millisecond)
	defer deadline.Stop()
	for {
		select {
		case <-msgs:
		case <-deadline.C:
			fmt.Println("deadline reached: stopping the producer")
			close(done)
			wg.Wait()
			fmt.Println("producer exited")
			return
		}
	}
}
