package main

import "fmt"

// Deferred copy, clear and delete: their arguments are evaluated at the
// defer statement (the receive happens then) and the call runs at return.

func fill(s []int) {
	c := make(chan []int, 1)
	c <- []int{7, 8, 9}
	defer copy(s, <-c)
	c <- []int{0}
	fmt.Println("in fill:", s)
}

func copyString(b []byte) {
	defer copy(b, "hey")
}

func wipe(m map[string]int, s []int) {
	defer clear(m)
	defer clear(s)
	fmt.Println("in wipe:", len(m), s)
}

func drop(m map[string]int, k string) {
	defer delete(m, k)
	k = "other"
}

func main() {
	s := make([]int, 2)
	fill(s)
	fmt.Println(s)
	b := make([]byte, 5)
	copyString(b)
	fmt.Println(string(b[:3]))
	m := map[string]int{"a": 1, "b": 2}
	t := []int{4, 5}
	wipe(m, t)
	fmt.Println(len(m), t)
	m["x"] = 1
	m["other"] = 2
	drop(m, "x")
	fmt.Println(m)
}

// Output:
// in fill: [0 0]
// [7 8]
// hey
// in wipe: 2 [4 5]
// 0 [0 0]
// map[other:2]
