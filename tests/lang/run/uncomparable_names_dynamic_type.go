package main

import "fmt"

// Comparing or hashing an interface that holds a struct with a slice field
// panics naming the struct's type (the interface's dynamic type), not the
// field's; a slice inside an interface field is named itself.

type T struct {
	a int
	c []int
}

type S struct {
	x any
}

var sink bool

func try(f func()) {
	defer func() { fmt.Println(recover()) }()
	f()
}

func main() {
	var z any = T{a: 1}
	var w any = T{a: 2}
	var s any = S{x: []int{1}}
	m := map[any]int{}
	try(func() { sink = z == z })
	try(func() { sink = z == w })
	try(func() { m[z] = 1 })
	try(func() { m[s] = 1 })
	try(func() { sink = s == s })
	try(func() { _ = m[[1]any{z}] })
}

// Output:
// runtime error: comparing uncomparable type main.T
// runtime error: comparing uncomparable type main.T
// runtime error: hash of unhashable type main.T
// runtime error: hash of unhashable type []int
// runtime error: comparing uncomparable type []int
// runtime error: hash of unhashable type main.T
