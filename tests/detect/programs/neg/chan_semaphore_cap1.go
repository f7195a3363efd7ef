// want: none
// A channel of capacity 1 is a mutex: the k-th receive happens before the
// (k+1)-th send completes, so the critical sections are ordered.
package main

import (
	"fmt"
	"sync"
)

func main() {
	lock := make(chan struct{}, 1)
	total := 0
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 10; i++ {
				lock <- struct{}{}
				total++
				<-lock
			}
		}()
	}
	wg.Wait()
	fmt.Println("total:", total)
}
