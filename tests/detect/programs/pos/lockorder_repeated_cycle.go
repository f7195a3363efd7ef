// want: lockorder 1
// The same two orders taken again and again: one inversion, reported once.
package main

import (
	"fmt"
	"sync"
)

var (
	users, orders sync.Mutex
	n             int
)

func main() {
	var wg sync.WaitGroup
	for round := 0; round < 5; round++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			users.Lock()
			orders.Lock()
			n++
			orders.Unlock()
			users.Unlock()
		}()
		wg.Wait()
		wg.Add(1)
		go func() {
			defer wg.Done()
			orders.Lock()
			users.Lock()
			n++
			users.Unlock()
			orders.Unlock()
		}()
		wg.Wait()
	}
	fmt.Println("n:", n)
}
