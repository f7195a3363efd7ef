package main

import "fmt"

var (
	a = c + b // initialised last: needs b and c
	b = f()   // second: f reads d
	c = f()   // third
	d = 3     // first: depends on nothing
)

var total int

func f() int {
	d++
	return d
}

func init() {
	total = a + b + c
}

func init() {
	total++
}

func main() {
	fmt.Println(a, b, c, d, total)
}
