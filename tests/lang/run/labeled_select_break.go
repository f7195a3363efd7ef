package main

import (
	"fmt"
)

func main() {
	ch := make(chan int)
	go func() {
		for i := 0; i < 10; i++ {
			ch <- i
		}
	}()
	n := 0
loop:
	for {
		select {
		case v := <-ch:
			if v == 4 {
				break loop
			}
			n += v
		}
	}
	fmt.Println(n)
}

// Output:
// 6
