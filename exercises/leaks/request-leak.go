// Each request that times out leaves its lookup goroutine blocked on a send.
package main

import (
	"fmt"
	"runtime"
	"time"
)

func lookup(id int) int {
	time.Sleep(200 * time.Millisecond) // slower than the handler's patience
	return id * 100
}

func handle(id int) string {
	ch := make(chan int)
	go func() { ch <- lookup(id) }()
	select {
	case v := <-ch:
		return fmt.Sprint("request ", id, ": ", v)
	case <-time.After(10 * time.Millisecond):
		return fmt.Sprint("request ", id, ": timeout")
	}
}

func main() {
	for id := 1; id <= 4; id++ {
		fmt.Println(handle(id))
	}
	time.Sleep(400 * time.Millisecond) // every lookup has finished by now
	fmt.Println("goroutines:", runtime.NumGoroutine())
}
