// want: leak 1
// Add(3) but only two workers call Done: the goroutine that waits to report
// the total waits forever.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	total := 0
	wg.Add(3)
	for i := 1; i <= 2; i++ {
		go func() {
			defer wg.Done()
			mu.Lock()
			total += i
			mu.Unlock()
		}()
	}
	go func() {
		wg.Wait() // the third Done never comes
		fmt.Println("reporter: total", total)
	}()
	time.Sleep(10 * time.Millisecond)
	mu.Lock()
	fmt.Println("main: total", total)
	mu.Unlock()
}
