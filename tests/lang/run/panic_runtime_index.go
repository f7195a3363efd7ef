package main

import "fmt"

func main() {
	xs := []int{1, 2, 3}
	i := 5
	fmt.Println("before")
	fmt.Println(xs[i])
}

// Exit: 2
// Stderr: panic: runtime error: index out of range [5] with length 3
// Output:
// before
