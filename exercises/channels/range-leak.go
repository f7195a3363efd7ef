// The same missing close, but now the ranging goroutine is a background
// logger and main moves on: no deadlock is reported, the logger just stays
// parked in "chan receive" forever.
package main

import (
	"fmt"
	"runtime"
)

func main() {
	logs := make(chan string)
	ack := make(chan struct{})
	go func() {
		for line := range logs { // ends only on close(logs)
			fmt.Println("log:", line)
			ack <- struct{}{}
		}
		fmt.Println("logger exited") // never printed
	}()
	logs <- "request 1"
	<-ack
	logs <- "request 2"
	<-ack
	fmt.Println("main done; goroutines still alive:", runtime.NumGoroutine())
}
