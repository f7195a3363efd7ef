// A timeout on a slow call with select and time.After. The call's result
// channel is unbuffered, so when the caller gives up, the worker can never
// deliver its result: it stays blocked in "chan send".
package main

import (
	"fmt"
	"runtime"
	"time"
)

func slowQuery() <-chan int {
	result := make(chan int)
	go func() {
		time.Sleep(150 * time.Millisecond)
		result <- 42 // nobody receives after the timeout
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
