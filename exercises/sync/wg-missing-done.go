// A worker returns early on invalid input without calling Done. The
// counter never reaches zero, Wait blocks forever, and since every other
// goroutine has finished, the runtime reports a deadlock.
package main

import (
	"fmt"
	"sync"
)

func main() {
	orders := []int{12, -1, 7}
	valid := make([]bool, len(orders))
	var wg sync.WaitGroup
	fmt.Println("validating", len(orders), "orders")
	for i, qty := range orders {
		wg.Add(1)
		go func() {
			if qty <= 0 {
				return // early return: Done is skipped
			}
			valid[i] = true
			wg.Done()
		}()
	}
	wg.Wait()
	fmt.Println("valid:", valid)
}
