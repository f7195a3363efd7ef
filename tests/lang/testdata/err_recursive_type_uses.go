package main

import "fmt"

type K struct{ k K }

type M map[K]int

type E struct {
	E
	n int
}

type R struct {
	next [1]R
	v    int
}

func (r R) Value() int { return r.v }

type W struct{ inner struct{ w W } }

func main() {
	var m M
	var e E
	r := R{v: 1}
	fmt.Println(len(m), e.n, r.v, r.Value(), r == r)
	var w W
	_ = w.inner
}

// ERROR 5:6: invalid recursive type: K refers to itself
// ERROR 9:6: invalid recursive type: E refers to itself
// ERROR 14:6: invalid recursive type: R refers to itself
// ERROR 21:6: invalid recursive type: W refers to itself
