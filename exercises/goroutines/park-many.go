// Ten thousand goroutines parked on one channel: each costs a small stack,
// not an OS thread. Closing the channel releases them all at once.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	const n = 10000
	release := make(chan struct{})
	var wg sync.WaitGroup
	var mu sync.Mutex
	sum := 0
	for i := 1; i <= n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-release // parked: no thread is held while waiting
			mu.Lock()
			sum += i
			mu.Unlock()
		}()
	}
	fmt.Println("goroutines alive:", runtime.NumGoroutine())
	close(release)
	wg.Wait()
	fmt.Println("released, sum of ids:", sum)
}
