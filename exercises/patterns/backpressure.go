// A bounded queue: a full buffer pushes back on the producer.
package main

import (
	"fmt"
	"time"
)

func main() {
	queue := make(chan int, 3)
	for i := 1; i <= 4; i++ {
		select {
		case queue <- i:
			fmt.Println("queued", i, "len", len(queue))
		default:
			fmt.Println("queue full at", i, "- the producer must wait or drop")
		}
	}

	done := make(chan int)
	go func() { // a slow consumer
		total := 0
		for v := range queue {
			time.Sleep(5 * time.Millisecond)
			total += v
		}
		done <- total
	}()

	for i := 4; i <= 6; i++ {
		queue <- i // blocks until the consumer frees a slot
	}
	close(queue)
	fmt.Println("consumer total:", <-done)
}
