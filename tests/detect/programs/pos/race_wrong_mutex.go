// want: race 1
// Each goroutine locks a mutex, but not the same one: two locks do not
// order anything between them.
package main

import (
	"fmt"
	"sync"
	"time"
)

var total int

func main() {
	var wg sync.WaitGroup
	wg.Add(2)
	for w := 0; w < 2; w++ {
		go func() {
			defer wg.Done()
			var mu sync.Mutex // BUG: a new mutex per goroutine
			time.Sleep(time.Duration(w) * 10 * time.Millisecond)
			mu.Lock()
			total += 5
			mu.Unlock()
		}()
	}
	wg.Wait()
	fmt.Println(total)
}
