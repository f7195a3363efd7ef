// Measure runtime.NumGoroutine around a call to see what it leaves behind.
package main

import (
	"fmt"
	"runtime"
	"time"
)

func search(terms []string) string {
	found := make(chan string)
	for _, t := range terms {
		go func() { found <- "result for " + t }()
	}
	return <-found // takes the first answer; the other senders stay blocked
}

func main() {
	before := runtime.NumGoroutine()
	search([]string{"go", "chan", "select", "mutex"})
	time.Sleep(100 * time.Millisecond)
	after := runtime.NumGoroutine()
	fmt.Println("before:", before, "after:", after, "leaked:", after-before)
}
