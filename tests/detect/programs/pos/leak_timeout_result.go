// want: leak 1
// A request with a timeout: the handler gives up, and the worker, which
// finishes later, blocks sending on the unbuffered reply channel.
package main

import (
	"context"
	"fmt"
	"time"
)

func handle(ctx context.Context) string {
	reply := make(chan string)
	go func() {
		time.Sleep(100 * time.Millisecond)
		reply <- "slow answer"
	}()
	select {
	case r := <-reply:
		return r
	case <-ctx.Done():
		return ctx.Err().Error()
	}
}

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()
	fmt.Println(handle(ctx))
	time.Sleep(200 * time.Millisecond)
}
