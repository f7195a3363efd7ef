// Package-level blank declarations are checked and run: `var _ T` uses
// its import, `var _ = f()` runs f in order.
package main

import (
	"fmt"
	"runtime"
)

var _ runtime.Error

var _ = note("init of a blank var runs")

var order []string

func note(s string) int {
	order = append(order, s)
	return len(order)
}

var _, second = note("first"), note("second")

func main() {
	fmt.Println(order, second)
	defer func() {
		r := recover()
		_, ok := r.(runtime.Error)
		fmt.Println(ok)
	}()
	var a []int
	_ = a[3]
}

// Output:
// [init of a blank var runs first second] 3
// true
