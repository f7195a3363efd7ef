package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	for round := 0; round < 3; round++ {
		total := 0
		var mu sync.Mutex
		for i := 1; i <= 4; i++ {
			wg.Add(1)
			go func(n int) {
				defer wg.Done()
				mu.Lock()
				total += n * round
				mu.Unlock()
			}(i)
		}
		wg.Wait()
		fmt.Println(round, total)
	}
}

// Output:
// 0 0
// 1 10
// 2 20
