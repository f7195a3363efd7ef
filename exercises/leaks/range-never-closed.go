// The consumer ranges over a channel that main never closes.
package main

import (
	"fmt"
	"time"
)

func main() {
	nums := make(chan int)
	total := make(chan int)
	go func() {
		sum := 0
		for n := range nums { // ends only when nums is closed
			sum += n
		}
		total <- sum
	}()
	for i := 1; i <= 3; i++ {
		nums <- i
	}
	time.Sleep(10 * time.Millisecond) // the consumer waits for more, or a close
	fmt.Println("sent 3 numbers; the sum is never reported")
}
