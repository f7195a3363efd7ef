package main

// sort.Slice on something that is not a slice panics as reflect.Swapper
// does, naming the kind (or "zero" for nil).

import (
	"fmt"
	"sort"
)

type pt struct{ X int }

func try(x any) {
	defer func() { fmt.Println(recover()) }()
	sort.Slice(x, func(i, j int) bool { return false })
}

func main() {
	try(5)
	try(nil)
	try(&pt{})
	try(pt{})
	try(map[int]int{})
	try("s")
	try([2]int{})
	try([]int{2, 1})
	fmt.Println("end")
}

// Output:
// reflect: call of Swapper on int Value
// reflect: call of Swapper on zero Value
// reflect: call of Swapper on ptr Value
// reflect: call of Swapper on struct Value
// reflect: call of Swapper on map Value
// reflect: call of Swapper on string Value
// reflect: call of Swapper on array Value
// <nil>
// end
