package main

import "fmt"

func main() {
	var x interface{} = "hello"
	n := x.(int)
	fmt.Println(n)
}

// Exit: 2
// Stderr: panic: interface conversion: interface {} is string, not int
// Output:
