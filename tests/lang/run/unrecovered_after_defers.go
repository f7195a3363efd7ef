package main

import (
	"fmt"
)

func main() {
	defer fmt.Println("deferred before crash")
	var s []int
	fmt.Println(len(s))
	s[0] = 1
}

// Exit: 2
// Stderr: panic: runtime error: index out of range [0] with length 0
// Output:
// 0
// deferred before crash
