package main

import (
	"fmt"
)

func try(name string, f func()) {
	defer func() {
		r := recover()
		if e, ok := r.(error); ok {
			fmt.Println(name+":", e.Error())
		} else {
			fmt.Println(name+":", r)
		}
	}()
	f()
}

func main() {
	s := []int{1, 2, 3}
	n := 5
	try("index", func() { _ = s[n] })
	try("slice", func() { _ = s[1:n] })
	try("slice2", func() { _ = s[n:] })
	try("neg", func() { m := -1; _ = s[m] })
	try("str", func() { str := "ab"; _ = str[n] })
	try("div", func() { z := 0; _ = n / z })
	try("mod", func() { z := 0; _ = n % z })
	try("nilmap", func() { var m map[int]int; m[1] = 1 })
	try("nilptr", func() { var p *int; *p = 1 })
	try("assert", func() { var i interface{} = 1; _ = i.(string) })
	try("assert2", func() { var i interface{}; _ = i.(int) })
	try("iface", func() { var i interface{} = 1; _ = i.(fmt.Stringer) })
	try("close", func() { var c chan int; close(c) })
	try("closed", func() { c := make(chan int); close(c); close(c) })
	try("shift", func() { k := -1; _ = 1 << k })
	try("makeslice", func() { k := -1; _ = make([]int, k) })
	try("nilfunc", func() { var f func(); f() })
	try("array", func() { var a [3]int; i := 3; a[i] = 1 })
}

// Output:
// index: runtime error: index out of range [5] with length 3
// slice: runtime error: slice bounds out of range [:5] with capacity 3
// slice2: runtime error: slice bounds out of range [5:3]
// neg: runtime error: index out of range [-1]
// str: runtime error: index out of range [5] with length 2
// div: runtime error: integer divide by zero
// mod: runtime error: integer divide by zero
// nilmap: assignment to entry in nil map
// nilptr: runtime error: invalid memory address or nil pointer dereference
// assert: interface conversion: interface {} is int, not string
// assert2: interface conversion: interface {} is nil, not int
// iface: interface conversion: int is not fmt.Stringer: missing method String
// close: close of nil channel
// closed: close of closed channel
// shift: runtime error: negative shift amount
// makeslice: runtime error: makeslice: len out of range
// nilfunc: runtime error: invalid memory address or nil pointer dereference
// array: runtime error: index out of range [3] with length 3
