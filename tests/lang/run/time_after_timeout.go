package main

import (
	"fmt"
	"time"
)

func main() {
	ch := make(chan int)
	go func() {
		time.Sleep(50 * time.Millisecond)
		ch <- 1
	}()
	select {
	case v := <-ch:
		fmt.Println("value", v)
	case <-time.After(10 * time.Millisecond):
		fmt.Println("timeout")
	}
	select {
	case v := <-ch:
		fmt.Println("value", v)
	case <-time.After(time.Second):
		fmt.Println("timeout")
	}
}

// Output:
// timeout
// value 1
