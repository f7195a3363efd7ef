// want: race 1
// output: varies
// go-race: count varies
// Two goroutines increment a shared counter with no synchronisation: the
// load and the store of counter++ interleave and updates are lost. (Go
// reports one or two races depending on how the goroutines interleave;
// chanlab's default schedule runs them one after the other: one report.)
package main

import (
	"fmt"
	"sync"
)

var counter int

func main() {
	var wg sync.WaitGroup
	for w := 0; w < 2; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 1000; i++ {
				counter++
			}
		}()
	}
	wg.Wait()
	fmt.Println("counter:", counter)
}
