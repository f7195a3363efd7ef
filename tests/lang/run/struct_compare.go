package main

import (
	"fmt"
)

type P struct {
	X, Y int
	S    string
}

func main() {
	a := P{1, 2, "s"}
	b := P{1, 2, "s"}
	c := a
	c.S = "t"
	fmt.Println(a == b, a == c, [2]int{1, 2} == [2]int{1, 2})
	m := map[P]bool{a: true}
	fmt.Println(m[b], m[c])
	var i1, i2 interface{} = a, b
	fmt.Println(i1 == i2)
	pa, pb := &a, &b
	fmt.Println(pa == pb, *pa == *pb)
}

// Output:
// true false true
// true false
// true
// false true
