// "Synchronising" with time.Sleep: main guesses how long the work takes.
// One job is slower than the guess, so its result is lost.
package main

import (
	"fmt"
	"sort"
	"sync"
	"time"
)

func main() {
	var mu sync.Mutex
	var results []string
	work := []time.Duration{10, 20, 400} // milliseconds per job
	for i, d := range work {
		go func() {
			time.Sleep(d * time.Millisecond)
			mu.Lock()
			results = append(results, fmt.Sprintf("job %d", i))
			mu.Unlock()
		}()
	}
	time.Sleep(150 * time.Millisecond) // surely long enough?
	mu.Lock()
	sort.Strings(results)
	fmt.Printf("got %d of %d results: %v\n", len(results), len(work), results)
	mu.Unlock()
}
