package main

import (
	"fmt"
)

func sum(xs ...int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

func join(sep string, parts ...string) string {
	out := ""
	for i, p := range parts {
		if i > 0 {
			out += sep
		}
		out += p
	}
	return out
}

func pair() (int, int) { return 3, 4 }

func main() {
	fmt.Println(sum(), sum(1), sum(1, 2, 3))
	xs := []int{4, 5}
	fmt.Println(sum(xs...))
	fmt.Println(join("-", "a", "b", "c"), join(","))
	fmt.Println(sum(pair()))
	args := []any{1, "a"}
	fmt.Println(args...)
}

// Output:
// 0 1 6
// 9
// a-b-c 
// 7
// 1 a
