// Ten goroutines check a counter and then increment it: more than 3 get a slot.
package main

import (
	"fmt"
	"os"
	"sync"
	"sync/atomic"
	"time"
)

const slots = 3

func main() {
	var used atomic.Int64
	var wg sync.WaitGroup
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if used.Load() < slots { // check...
				time.Sleep(time.Millisecond) // some work between the check and the act
				used.Add(1)                  // ...then act: others passed the check meanwhile
			}
		}()
	}
	wg.Wait()
	fmt.Println("slots granted:", used.Load())
	if used.Load() > slots {
		os.Exit(1)
	}
}
