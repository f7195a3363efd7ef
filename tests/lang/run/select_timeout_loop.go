package main

import (
	"fmt"
	"time"
)

func main() {
	data := make(chan int)
	go func() {
		for i := 1; i <= 3; i++ {
			time.Sleep(time.Duration(i) * 10 * time.Millisecond)
			data <- i
		}
	}()
	got := 0
	for got < 3 {
		select {
		case v := <-data:
			fmt.Println("data", v)
			got++
		case <-time.After(25 * time.Millisecond):
			fmt.Println("tick timeout")
		}
	}
}

// Output:
// data 1
// data 2
// tick timeout
// data 3
