// The consumer stops after three values; the stages behind it never learn.
package main

import (
	"fmt"
	"runtime"
	"time"
)

func generate() <-chan int {
	out := make(chan int)
	go func() {
		for n := 1; ; n++ {
			out <- n
		}
	}()
	return out
}

func double(in <-chan int) <-chan int {
	out := make(chan int)
	go func() {
		for n := range in {
			out <- n * 2
		}
		close(out)
	}()
	return out
}

func main() {
	out := double(double(generate()))
	for i := 0; i < 3; i++ {
		fmt.Println(<-out)
	}
	time.Sleep(10 * time.Millisecond) // let every stage reach its next send
	fmt.Println("goroutines left:", runtime.NumGoroutine())
}
