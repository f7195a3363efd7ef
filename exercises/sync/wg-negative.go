// Done once per item instead of once per goroutine. The first Done brings
// the counter to zero (releasing Wait), the second drives it negative,
// which panics.
package main

import (
	"fmt"
	"sync"
)

func main() {
	items := []string{"a", "b", "c"}
	var wg sync.WaitGroup
	summary := make(chan int)
	fmt.Println("processing", len(items), "items")
	wg.Add(1) // one worker
	go func() {
		n := 0
		for range items {
			n++
			wg.Done() // bug: Done per item
		}
		summary <- n
	}()
	wg.Wait()
	fmt.Println("processed", <-summary)
}
