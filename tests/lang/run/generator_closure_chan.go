package main

import (
	"fmt"
)

func fibGen(n int) <-chan int {
	ch := make(chan int, 2)
	go func() {
		defer close(ch)
		a, b := 0, 1
		for i := 0; i < n; i++ {
			ch <- a
			a, b = b, a+b
		}
	}()
	return ch
}

func main() {
	var out []int
	for v := range fibGen(12) {
		out = append(out, v)
	}
	fmt.Println(out)
}

// Output:
// [0 1 1 2 3 5 8 13 21 34 55 89]
