// want: race 1
// Two workers are meant to fill different halves of the slice, but an
// off-by-one gives both of them element 2.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	s := make([]int, 5)
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		for i := 0; i <= 2; i++ {
			s[i] = 1
		}
	}()
	go func() {
		defer wg.Done()
		time.Sleep(10 * time.Millisecond)
		for i := 2; i < 5; i++ { // BUG: should start at 3
			s[i] = 2
		}
	}()
	wg.Wait()
	fmt.Println(s)
}
