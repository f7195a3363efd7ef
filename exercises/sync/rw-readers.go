// Many readers may hold an RWMutex's read lock at the same time. All three
// readers get inside together; with a plain Mutex this program would
// deadlock, because the first reader would wait for the others to arrive.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var rw sync.RWMutex
	config := map[string]string{"mode": "fast"}
	var inside sync.WaitGroup // counts readers currently holding RLock
	inside.Add(3)
	var done sync.WaitGroup
	results := make([]string, 3)
	for r := 0; r < 3; r++ {
		done.Add(1)
		go func() {
			defer done.Done()
			rw.RLock()
			defer rw.RUnlock()
			inside.Done()
			inside.Wait() // wait, still holding RLock, until all 3 are in
			results[r] = config["mode"]
		}()
	}
	done.Wait()
	fmt.Println("3 readers held the read lock at once, read:", results)
}
