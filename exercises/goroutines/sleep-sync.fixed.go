// The same jobs, waited for with a WaitGroup: Wait returns exactly when the
// last job has called Done, however slow it is.
package main

import (
	"fmt"
	"sort"
	"sync"
	"time"
)

func main() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	var results []string
	work := []time.Duration{10, 20, 400} // milliseconds per job
	for i, d := range work {
		wg.Add(1) // before the go statement, never inside the goroutine
		go func() {
			defer wg.Done()
			time.Sleep(d * time.Millisecond)
			mu.Lock()
			results = append(results, fmt.Sprintf("job %d", i))
			mu.Unlock()
		}()
	}
	wg.Wait()
	sort.Strings(results) // Wait happens after every Done: no lock needed now
	fmt.Printf("got %d of %d results: %v\n", len(results), len(work), results)
}
