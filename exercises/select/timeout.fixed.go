// The same timeout, with a result channel of capacity 1: the worker's one
// send always completes, even when nobody is listening any more, and the
// goroutine exits.
package main

import (
	"fmt"
	"runtime"
	"time"
)

func slowQuery() <-chan int {
	result := make(chan int, 1) // room for the one result
	go func() {
		time.Sleep(150 * time.Millisecond)
		result <- 42 // completes at once, even after a timeout
	}()
	return result
}

func main() {
	select {
	case v := <-slowQuery():
		fmt.Println("result:", v)
	case <-time.After(50 * time.Millisecond):
		fmt.Println("timed out after 50ms")
	}
	time.Sleep(500 * time.Millisecond) // the worker has finished its work by now
	fmt.Println("goroutines alive:", runtime.NumGoroutine())
}
