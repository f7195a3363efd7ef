package main

import "fmt"

func try(name string, fn func()) {
	defer func() { fmt.Println(name, recover()) }()
	fn()
}

// Slice expressions check their bounds in Go's order (max, hi, lo) with
// Go's messages; a negative index is out of range, never "omitted".

func main() {
	b := []byte{1}
	s := []int{1, 2, 3}
	str := "abc"
	arr := [3]int{}
	m1, two, five, four := -1, 2, 5, 4
	try("a", func() { fmt.Println(b[1 : len(b)-2]) })
	try("b", func() { fmt.Println(s[1:m1]) })
	try("c", func() { fmt.Println(s[two:1]) })
	try("d", func() { fmt.Println(s[:five]) })
	try("e", func() { fmt.Println(s[m1:]) })
	try("f", func() { fmt.Println(s[1:2:m1]) })
	try("g", func() { fmt.Println(s[1:five:four]) })
	try("h", func() { fmt.Println(s[:two:five]) })
	try("i", func() { fmt.Println(str[1:m1]) })
	try("j", func() { fmt.Println(str[two:1]) })
	try("k", func() { fmt.Println(str[:five]) })
	try("l", func() { fmt.Println(arr[:five]) })
	try("m", func() { fmt.Println(arr[two:1]) })
	try("n", func() { fmt.Println(s[five:]) })
	try("o", func() { fmt.Println(str[five:]) })
	try("p", func() { fmt.Println(s[four:five]) })
	try("q", func() { fmt.Println(arr[1:2:five]) })
	try("r", func() { fmt.Println(s[two:1:3]) })
	try("s", func() { fmt.Println(s[m1:1:3]) })
	try("t", func() { fmt.Println(s[0:m1:3]) })
	try("u", func() { fmt.Println(str[m1:]) })
	try("v", func() { fmt.Println(s[1:two:two]) })
	try("w", func() { fmt.Println(arr[m1:]) })
	var ns []int
	try("x", func() { fmt.Println(ns[0:0], ns[:0:0] == nil) })
	try("y", func() { fmt.Println(ns[:1]) })
	pa := &arr
	try("z", func() { fmt.Println(pa[two:five]) })
}

// Output:
// a runtime error: slice bounds out of range [:-1]
// b runtime error: slice bounds out of range [:-1]
// c runtime error: slice bounds out of range [2:1]
// d runtime error: slice bounds out of range [:5] with capacity 3
// e runtime error: slice bounds out of range [-1:]
// f runtime error: slice bounds out of range [::-1]
// g runtime error: slice bounds out of range [::4] with capacity 3
// h runtime error: slice bounds out of range [::5] with capacity 3
// i runtime error: slice bounds out of range [:-1]
// j runtime error: slice bounds out of range [2:1]
// k runtime error: slice bounds out of range [:5] with length 3
// l runtime error: slice bounds out of range [:5] with length 3
// m runtime error: slice bounds out of range [2:1]
// n runtime error: slice bounds out of range [5:3]
// o runtime error: slice bounds out of range [5:3]
// p runtime error: slice bounds out of range [:5] with capacity 3
// q runtime error: slice bounds out of range [::5] with length 3
// r runtime error: slice bounds out of range [2:1:]
// s runtime error: slice bounds out of range [-1::]
// t runtime error: slice bounds out of range [:-1:]
// u runtime error: slice bounds out of range [-1:]
// [2]
// v <nil>
// w runtime error: slice bounds out of range [-1:]
// [] true
// x <nil>
// y runtime error: slice bounds out of range [:1] with capacity 0
// z runtime error: slice bounds out of range [:5] with length 3
