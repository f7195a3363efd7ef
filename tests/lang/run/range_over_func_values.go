package main

import (
	"fmt"
)

type Op func(int, int) int

func main() {
	ops := map[string]Op{
		"add": func(a, b int) int { return a + b },
		"mul": func(a, b int) int { return a * b },
	}
	names := []string{"mul", "add"}
	for _, n := range names {
		fmt.Println(n, ops[n](3, 4))
	}
	var nilop Op
	fmt.Println(nilop == nil)
}

// Output:
// mul 12
// add 7
// true
