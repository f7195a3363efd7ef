// want: race 1
// Two goroutines update different fields of a struct under different
// conditions, but both write hits: fields are separate variables, so only
// that field races.
package main

import (
	"fmt"
	"sync"
	"time"
)

type stats struct {
	hits   int
	misses int
}

func main() {
	st := &stats{}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		st.hits = 1
	}()
	go func() {
		defer wg.Done()
		time.Sleep(10 * time.Millisecond)
		st.misses = 1 // a different field: no race
		st.hits = 2   // the same field: a race
	}()
	wg.Wait()
	fmt.Println(st.hits, st.misses)
}
