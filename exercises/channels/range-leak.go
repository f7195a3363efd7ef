// The same missing close, but now the ranging goroutine is a background
// logger and main moves on: no deadlock is reported, the logger just stays
// parked in "chan receive" forever.
package main

import (
	"fmt"
	"runtime"
	"time"
)

func main() {
	logs := make(chan string)
	go func() {
		for line := range logs { // ends only on close(logs)
			fmt.Println("log:", line)
		}
		fmt.Println("logger exited") // never printed
	}()
	logs <- "request 1"
	logs <- "request 2"
	time.Sleep(10 * time.Millisecond) // let the logger print and park again
	fmt.Println("goroutines still alive:", runtime.NumGoroutine())
}
