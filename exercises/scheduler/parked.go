// A thousand goroutines parked on a channel need no P and no thread.
package main

import (
	"fmt"
	"runtime"
	"sync"
	"time"
)

func main() {
	runtime.GOMAXPROCS(1)
	release := make(chan struct{})
	var wg sync.WaitGroup
	for i := 0; i < 1000; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-release // parked: off every run queue until the close
		}()
	}
	fmt.Println("goroutines:", runtime.NumGoroutine(), "Ps:", runtime.GOMAXPROCS(0))
	close(release)
	wg.Wait()
	time.Sleep(10 * time.Millisecond) // let the last ones finish returning after Done
	fmt.Println("after release:", runtime.NumGoroutine())
}
