// want: none
// Each goroutine writes only its own slice element; Done happens before
// Wait returns, so main reads every element safely.
package main

import (
	"fmt"
	"sync"
)

func main() {
	words := []string{"go", "chan", "select", "mutex"}
	lengths := make([]int, len(words))
	var wg sync.WaitGroup
	wg.Add(len(words))
	for i, w := range words {
		go func() {
			defer wg.Done()
			lengths[i] = len(w)
		}()
	}
	wg.Wait()
	fmt.Println(lengths)
}
