// Four goroutines block in nanosleep at once with one P: each holds a thread.
package main

import (
	"fmt"
	"runtime"
	"sync"
	"syscall"
	"time"
)

func main() {
	runtime.GOMAXPROCS(1)
	start := time.Now()
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ts := syscall.Timespec{Sec: 0, Nsec: 100_000_000}
			syscall.Nanosleep(&ts, nil) // each call keeps its own M; the P moves on
		}()
	}
	wg.Wait()
	// One after another they would need 400ms; side by side about 100ms.
	fmt.Println("overlapped:", time.Since(start) < 300*time.Millisecond, "with", runtime.GOMAXPROCS(0), "P")
}
