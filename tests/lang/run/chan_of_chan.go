package main

import (
	"fmt"
)

func main() {
	reqs := make(chan chan int)
	go func() {
		for r := range reqs {
			r <- 42
		}
	}()
	for i := 0; i < 3; i++ {
		reply := make(chan int)
		reqs <- reply
		fmt.Println(<-reply + i)
	}
	close(reqs)
}

// Output:
// 42
// 43
// 44
