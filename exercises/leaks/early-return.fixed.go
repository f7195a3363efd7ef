// The worker also watches the context, so it can give up its send.
package main

import (
	"context"
	"fmt"
	"runtime"
	"time"
)

func expensive() int {
	time.Sleep(200 * time.Millisecond)
	return 42
}

func fetch(ctx context.Context) (int, error) {
	ch := make(chan int)
	go func() {
		v := expensive()
		select {
		case ch <- v:
		case <-ctx.Done(): // the caller has left: drop the result and return
		}
	}()
	select {
	case v := <-ch:
		return v, nil
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()
	_, err := fetch(ctx)
	fmt.Println("fetch:", err)
	time.Sleep(400 * time.Millisecond)
	fmt.Println("goroutines:", runtime.NumGoroutine())
}
