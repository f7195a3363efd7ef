// want: none
// Closing a channel wakes every waiter, and the close happens before each
// receive that sees it: the config written before close is visible to all.
package main

import (
	"fmt"
	"sync"
)

func main() {
	start := make(chan struct{})
	config := map[string]int{}
	var wg sync.WaitGroup
	sums := make([]int, 3)
	for w := 0; w < 3; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			sums[w] = config["base"] + w
		}()
	}
	config["base"] = 100
	close(start)
	wg.Wait()
	fmt.Println(sums)
}
