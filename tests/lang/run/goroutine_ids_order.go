package main

import (
	"fmt"
	"runtime"
)

func main() {
	ch := make(chan int)
	for i := 0; i < 3; i++ {
		go func(n int) { ch <- n }(i)
	}
	sum := 0
	for i := 0; i < 3; i++ {
		sum += <-ch
	}
	fmt.Println(sum, runtime.NumGoroutine())
	runtime.Gosched()
	fmt.Println(runtime.NumGoroutine() >= 1)
}

// Output:
// 3 1
// true
