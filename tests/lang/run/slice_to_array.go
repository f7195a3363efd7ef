package main

// Converting a slice to an array (a copy) and to an array pointer (the
// slice's elements themselves), and the panic when the slice is too short.

import "fmt"

type Int4 [4]int

func main() {
	s := []int{1, 2, 3, 4}
	a := [4]int(s)
	s[0] = 100
	fmt.Println(a, s)
	p := (*[4]int)(s)
	p[1] = 200
	fmt.Println(s, *p, &p[2] == &s[2], len(p))
	q := (*Int4)(s)
	fmt.Printf("%T %v\n", q, *q)
	b := [2]int(s) // the first two elements
	fmt.Println(b)
	var ns []int
	fmt.Println((*[0]int)(ns) == nil, (*[0]int)(s[:0]) == nil)
	_ = [0]int(ns)
	defer func() { fmt.Println("recovered:", recover()) }()
	_ = [5]int(s)
}

// Output:
// [1 2 3 4] [100 2 3 4]
// [100 200 3 4] [100 200 3 4] true 4
// *main.Int4 [100 200 3 4]
// [100 200]
// true false
// recovered: runtime error: cannot convert slice with length 4 to array or pointer to array with length 5
