package main

import (
	"fmt"
)

func main() {
	ch := make(chan int)
	for i := 0; i < 5; i++ {
		go func() { ch <- 1 }()
	}
	fmt.Println(<-ch)
	fmt.Println("main exits with 4 blocked senders")
}

// Output:
// 1
// main exits with 4 blocked senders
