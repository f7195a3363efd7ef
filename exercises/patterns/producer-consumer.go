// One producer, one consumer, a small buffer between them, and close as "done".
package main

import "fmt"

func main() {
	orders := make(chan string, 2) // up to two orders wait for the kitchen
	done := make(chan int)

	go func() { // consumer
		cooked := 0
		for o := range orders { // ends after close, once the buffer is empty
			fmt.Println("cooking", o)
			cooked++
		}
		done <- cooked
	}()

	for _, o := range []string{"soup", "salad", "pasta", "cake"} {
		orders <- o // blocks while the buffer is full
	}
	close(orders) // the producer says: no more orders
	fmt.Println("orders cooked:", <-done)
}
