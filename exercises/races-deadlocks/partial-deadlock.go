// Two goroutines wait for each other; main does not, so Go reports nothing.
package main

import (
	"fmt"
	"runtime"
	"time"
)

func main() {
	ping := make(chan int)
	pong := make(chan int)
	go func() { <-pong; ping <- 1 }() // waits for pong first
	go func() { <-ping; pong <- 1 }() // waits for ping first
	time.Sleep(10 * time.Millisecond)
	fmt.Println("main still running; goroutines:", runtime.NumGoroutine())
}
