// want: none
// Package initialisation (including init) finishes before main starts, and
// main's go statements order it before every goroutine.
package main

import (
	"fmt"
	"sync"
)

var table = map[string]int{}
var names []string

func init() {
	table["one"] = 1
	table["two"] = 2
	names = []string{"one", "two", "one"}
}

func main() {
	var wg sync.WaitGroup
	out := make([]int, len(names))
	for i, n := range names {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = table[n]
		}()
	}
	wg.Wait()
	fmt.Println(out)
}
