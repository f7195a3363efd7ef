// want: none
// One WaitGroup reused for several rounds: each round's Wait returns
// before the next round's Add.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	grid := make([]int, 4)
	for round := 1; round <= 3; round++ {
		for i := range grid {
			wg.Add(1)
			go func() {
				defer wg.Done()
				grid[i] += round
			}()
		}
		wg.Wait()
	}
	fmt.Println(grid)
}
