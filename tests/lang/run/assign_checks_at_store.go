package main

import "fmt"

// An assignment checks its target's pointer and index when it stores:
// after the right-hand side has run, and in a tuple assignment after the
// targets to its left were assigned (Go issue 23017).

type T struct{ i int }

func f(s string) int { fmt.Println("f", s); return 1 }

func try(name string, fn func()) {
	defer func() { fmt.Println(name, recover()) }()
	fn()
}

func main() {
	var p *int
	var s []int
	var t *T
	var a *[3]int
	m := map[int]int{}
	try("star", func() { *p = f("star") })
	try("index", func() { s[2] = f("index") })
	try("field", func() { t.i = f("field") })
	try("parray", func() { a[1] = f("parray") })
	try("opassign", func() { *p += f("opassign") })
	try("opindex", func() { s[2] += f("opindex") })
	try("tuple", func() { m[1], *p, m[2] = f("t1"), f("t2"), 3 })
	try("tuple index", func() { m[3], s[1] = 3, 4 })
	try("tuple field", func() { m[4], t.i = 4, 5 })
	fmt.Println(m)
}

// Output:
// f star
// star runtime error: invalid memory address or nil pointer dereference
// f index
// index runtime error: index out of range [2] with length 0
// f field
// field runtime error: invalid memory address or nil pointer dereference
// f parray
// parray runtime error: invalid memory address or nil pointer dereference
// f opassign
// opassign runtime error: invalid memory address or nil pointer dereference
// f opindex
// opindex runtime error: index out of range [2] with length 0
// f t1
// f t2
// tuple runtime error: invalid memory address or nil pointer dereference
// tuple index runtime error: index out of range [1] with length 0
// tuple field runtime error: invalid memory address or nil pointer dereference
// map[1:1 3:3 4:4]
