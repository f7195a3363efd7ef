// want: none
// Cancelling a parent cancels every context derived from it; each
// goroutine watches its own child and all of them return.
package main

import (
	"context"
	"fmt"
	"sync"
	"time"
)

func main() {
	root, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	errs := make([]error, 4)
	for i := range errs {
		child, stop := context.WithTimeout(root, time.Hour)
		grandchild := context.WithValue(child, "id", i)
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer stop()
			<-grandchild.Done()
			errs[i] = grandchild.Err()
		}()
	}
	time.Sleep(5 * time.Millisecond)
	cancel()
	wg.Wait()
	fmt.Println(errs)
}
