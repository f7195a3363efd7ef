// want: none
// 10,000 goroutines alive at once, all blocked on one channel until main
// closes it. Go 1.23's race detector (ThreadSanitizer v3) has no 8,128
// goroutine limit any more (Go 1.18's TSan v2 died with "race: limit on 8128
// simultaneously alive goroutines is exceeded, dying"): the program runs
// clean under `go run -race`, and under `chanlab run --race` too.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	start := make(chan struct{})
	var mu sync.Mutex
	n := 0
	for i := 0; i < 10000; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			mu.Lock()
			n++
			mu.Unlock()
		}()
	}
	close(start)
	wg.Wait()
	fmt.Println(n)
}
