// A goroutine dump shows every leaked goroutine and what it waits on.
package main

import (
	"fmt"
	"runtime"
	"strings"
	"time"
)

func main() {
	results := make(chan int)
	for i := 0; i < 2; i++ {
		go func() { results <- i }() // two senders, no receiver
	}
	var quiet chan int // nil: a receive here can never complete
	go func() { <-quiet }()
	time.Sleep(100 * time.Millisecond)

	buf := make([]byte, 1<<16)
	dump := string(buf[:runtime.Stack(buf, true)])
	headers := 0
	for _, line := range strings.Split(dump, "\n") {
		if strings.HasPrefix(line, "goroutine ") { // "goroutine 7 [chan send]:"
			headers++
		}
	}
	fmt.Println("goroutines in the dump:", headers)
	fmt.Println("waiting in chan send:", strings.Count(dump, "[chan send]"))
	fmt.Println("waiting on a nil chan:", strings.Count(dump, "[chan receive (nil chan)]"))
}
