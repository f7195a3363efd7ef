package main

import (
	"fmt"
)

func main() {
	ch := make(chan string, 4)
	for _, s := range []string{"a", "b", "c"} {
		ch <- s
		fmt.Println(len(ch), cap(ch))
	}
	close(ch)
	for s := range ch {
		fmt.Print(s, len(ch), " ")
	}
	fmt.Println()
}

// Output:
// 1 4
// 2 4
// 3 4
// a2 b1 c0 
