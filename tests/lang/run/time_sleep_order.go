package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	start := time.Now()
	var wg sync.WaitGroup
	var mu sync.Mutex
	var order []int
	for _, d := range []int{30, 10, 20} {
		wg.Add(1)
		go func(ms int) {
			defer wg.Done()
			time.Sleep(time.Duration(ms) * time.Millisecond)
			mu.Lock()
			order = append(order, ms)
			mu.Unlock()
		}(d)
	}
	wg.Wait()
	fmt.Println(order)
	el := time.Since(start)
	fmt.Println(el >= 30*time.Millisecond, el < time.Second)
}

// Output:
// [10 20 30]
// true true
