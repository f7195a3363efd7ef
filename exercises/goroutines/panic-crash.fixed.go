// Each worker recovers its own panic and turns it into an error value that
// travels back on the results channel like any other result.
package main

import (
	"fmt"
	"sort"
)

type result struct {
	n   int
	err error
}

func parse(s string) int {
	if s == "" {
		panic("parse: empty input")
	}
	return len(s)
}

func main() {
	inputs := []string{"ab", "", "abc"}
	results := make(chan result)
	fmt.Println("starting", len(inputs), "workers")
	for i, in := range inputs {
		go func() {
			defer func() {
				if r := recover(); r != nil {
					results <- result{err: fmt.Errorf("worker %d: %v", i, r)}
				}
			}()
			results <- result{n: parse(in)}
		}()
	}
	sum := 0
	var errs []string
	for range inputs {
		r := <-results
		if r.err != nil {
			errs = append(errs, r.err.Error())
		}
		sum += r.n
	}
	sort.Strings(errs)
	fmt.Println("sum:", sum, "errors:", errs)
}
