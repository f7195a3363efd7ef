// Each request derives a context and throws the cancel function away
// (go vet: lostcancel). A helper goroutine that watches the context, as
// many libraries start, can then only end when the parent ends, and the
// parent is Background: the watchers pile up, one per request.
package main

import (
	"context"
	"fmt"
	"runtime"
	"time"
)

func handle(parent context.Context, id int, released chan<- int) {
	ctx, _ := context.WithCancel(parent) // cancel discarded
	go func() {
		<-ctx.Done() // e.g. "abort the query if the request is cancelled"
		released <- id
	}()
	// ... the request's work finishes here
}

func main() {
	released := make(chan int, 3)
	for id := 1; id <= 3; id++ {
		handle(context.Background(), id, released)
	}
	time.Sleep(10 * time.Millisecond)
	fmt.Println("requests done; goroutines alive:", runtime.NumGoroutine())
}
