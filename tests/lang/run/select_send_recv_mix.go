package main

import (
	"fmt"
)

func main() {
	in := make(chan int, 1)
	out := make(chan int, 1)
	in <- 1
	for i := 0; i < 4; i++ {
		select {
		case v := <-in:
			fmt.Println("recv", v)
			out <- v * 10
		case v := <-out:
			fmt.Println("out", v)
			in <- v + 1
		}
	}
}

// Output:
// recv 1
// out 10
// recv 11
// out 110
