package main

import (
	"fmt"
	"time"
)

func main() {
	go func() {
		panic("goroutine failed")
	}()
	time.Sleep(time.Second)
	fmt.Println("not reached")
}
