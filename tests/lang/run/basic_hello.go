package main

import "fmt"

func main() {
	fmt.Println("hello, world")
	fmt.Print("a", "b", 1, 2, "c\n")
	fmt.Println(1, "x", 2.5, true, nil, 'a')
}

// Output:
// hello, world
// ab1 2c
// 1 x 2.5 true <nil> 97
