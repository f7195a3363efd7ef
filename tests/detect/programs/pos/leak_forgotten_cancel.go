// want: leak 1
// The watcher exits only when the context is cancelled, and the cancel
// function is kept but never called.
package main

import (
	"context"
	"fmt"
	"time"
)

type job struct {
	ctx    context.Context
	cancel context.CancelFunc
}

func start() *job {
	ctx, cancel := context.WithCancel(context.Background())
	j := &job{ctx: ctx, cancel: cancel}
	go func() {
		<-j.ctx.Done() // waits for a cancel that never comes
		fmt.Println("watcher stopped")
	}()
	return j
}

func main() {
	j := start()
	time.Sleep(10 * time.Millisecond)
	fmt.Println("job err:", j.ctx.Err())
	// forgot: j.cancel()
}
