// defer wg.Done() as the first statement: every return path, early or
// not, decrements the counter exactly once.
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
			defer wg.Done()
			if qty <= 0 {
				return
			}
			valid[i] = true
		}()
	}
	wg.Wait()
	fmt.Println("valid:", valid)
}
