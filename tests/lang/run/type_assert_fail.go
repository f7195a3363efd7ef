package main

import "fmt"

func main() {
	var x interface{} = "hello"
	n := x.(int)
	fmt.Println(n)
}
