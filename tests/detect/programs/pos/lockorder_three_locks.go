// want: lockorder 1
// Three philosophers each take their left fork then their right: the
// order forms the cycle f0 -> f1 -> f2 -> f0. They eat one at a time here,
// so this run ends, but the cycle is a deadlock waiting to happen.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var forks [3]sync.Mutex
	meals := 0
	for p := 0; p < 3; p++ {
		done := make(chan bool)
		go func() {
			left, right := &forks[p], &forks[(p+1)%3]
			left.Lock()
			right.Lock()
			meals++
			right.Unlock()
			left.Unlock()
			done <- true
		}()
		<-done
	}
	fmt.Println("meals:", meals)
}
