// A fast producer and a slow consumer joined by a channel of capacity 2.
// The producer runs ahead until the buffer is full, then waits in
// "chan send"; each receive frees one cell.
package main

import (
	"fmt"
	"time"
)

func main() {
	ch := make(chan int, 2)
	go func() {
		for i := 1; i <= 5; i++ {
			ch <- i // blocks while both cells are taken
		}
		close(ch)
	}()
	for v := range ch {
		time.Sleep(10 * time.Millisecond) // slow consumer
		fmt.Println("consumed", v)
	}
	fmt.Println("channel closed and drained")
}
