package main

import (
	"fmt"
	"time"
)

func main() {
	ch := make(chan int)
	for i := 0; i < 2; i++ {
		go func() { ch <- i }()
	}
	fmt.Println("first:", <-ch > -1)
	time.Sleep(10 * time.Millisecond) // the other sender is blocked by now
}
