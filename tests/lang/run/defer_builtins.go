package main

// Deferred calls of the builtins Go allows there (copy, clear, delete,
// close, print, println, panic): the arguments are evaluated at the defer
// statement, the builtin runs when the function returns.

import "fmt"

func copyLater(s []int) {
	c := make(chan []int, 1)
	c <- []int{1, 2, 3}
	defer copy(s, <-c)
	s[0] = -1
}

func copyString(b []byte) {
	defer copy(b, "hey")
}

func clearLater(m map[string]int, s []string) {
	defer clear(m)
	defer clear(s)
	m["later"] = 1
}

func deleteLater(m map[string]int) {
	k := "a"
	defer delete(m, k)
	k = "b"
}

func closeLater(c chan int) {
	defer close(c)
	c <- 1
}

func main() {
	x := make([]int, 2)
	copyLater(x)
	fmt.Println(x)
	b := make([]byte, 5)
	copyString(b)
	fmt.Println(string(b[:3]), b[3:])
	m := map[string]int{"a": 1, "b": 2}
	s := []string{"p", "q"}
	clearLater(m, s)
	fmt.Println(len(m), len(s), s[0] == "", s[1] == "")
	m = map[string]int{"a": 1, "b": 2}
	deleteLater(m)
	fmt.Println(m)
	c := make(chan int, 1)
	closeLater(c)
	v, ok := <-c
	_, ok2 := <-c
	fmt.Println(v, ok, ok2)
}

// Output:
// [1 2]
// hey [0 0]
// 0 2 true true
// map[b:2]
// 1 true false
