package main

import "fmt"

var a = b + 1
var b = f()
var total int

func f() int {
	fmt.Println("f called")
	return 10
}

func init() {
	fmt.Println("init 1", a, b)
	total = a + b
}

func init() {
	fmt.Println("init 2", total)
}

func main() {
	fmt.Println("main", a, b, total)
}

// Output:
// f called
// init 1 11 10
// init 2 21
// main 11 10 21
