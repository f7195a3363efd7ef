// want: leak 1
// A consumer ranges over a channel the producer never closes: after the
// last value it waits for one more, forever.
package main

import "fmt"

func main() {
	items := make(chan int)
	acks := make(chan int)
	go func() {
		sum := 0
		for v := range items { // never ends: nobody closes items
			sum += v
			acks <- sum
		}
		fmt.Println("unreachable: consumer done")
	}()
	for i := 1; i <= 3; i++ {
		items <- i
		fmt.Println("running sum:", <-acks)
	}
	// forgot: close(items)
}
