// The producer takes a context but never looks at it.
package main

import (
	"context"
	"fmt"
	"runtime"
	"time"
)

func produce(ctx context.Context, out chan<- int) {
	for n := 1; ; n++ {
		out <- n // blocks forever once the consumer is gone
	}
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	out := make(chan int)
	go produce(ctx, out)
	for i := 0; i < 3; i++ {
		fmt.Println("got", <-out)
	}
	cancel()
	time.Sleep(100 * time.Millisecond)
	fmt.Println("goroutines after cancel:", runtime.NumGoroutine())
}
