// The same cache with no lock: one owner goroutine holds the map and
// answers requests that carry a reply channel. Ownership replaces locking.
package main

import (
	"fmt"
	"sync"
)

type lookup struct {
	key   int
	reply chan int
}

func owner(reqs <-chan lookup, misses chan<- int) {
	data := map[int]int{} // only this goroutine touches data
	n := 0
	for r := range reqs {
		v, ok := data[r.key]
		if !ok {
			n++
			v = r.key * r.key
			data[r.key] = v
		}
		r.reply <- v
	}
	misses <- n
}

func main() {
	reqs := make(chan lookup)
	misses := make(chan int)
	go owner(reqs, misses)
	var wg sync.WaitGroup
	sums := make([]int, 4)
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			reply := make(chan int)
			for k := 0; k < 10; k++ {
				reqs <- lookup{k, reply}
				sums[w] += <-reply
			}
		}()
	}
	wg.Wait()
	close(reqs)
	fmt.Println("sums:", sums, "misses:", <-misses)
}
