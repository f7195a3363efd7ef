package main

import (
	"fmt"
)

func main() {
	defer fmt.Println("main deferred 1")
	defer func() {
		if r := recover(); r != nil {
			fmt.Println("recovered in main:", r)
		}
	}()
	defer fmt.Println("main deferred 2")
	f()
	fmt.Println("unreachable")
}

func f() {
	defer fmt.Println("f deferred")
	g()
}

func g() {
	defer fmt.Println("g deferred")
	panic("from g")
}

// Output:
// g deferred
// f deferred
// main deferred 2
// recovered in main: from g
// main deferred 1
