// sync.Cond.Wait knows nothing about contexts. context.AfterFunc bridges
// the two: when the context is cancelled, it broadcasts on the Cond, and
// the waiter's loop sees ctx.Err() and gives up.
package main

import (
	"context"
	"fmt"
	"sync"
	"time"
)

func waitReady(ctx context.Context, mu *sync.Mutex, cond *sync.Cond, ready *bool) error {
	stop := context.AfterFunc(ctx, func() {
		mu.Lock() // so the Broadcast cannot slip in before Wait
		defer mu.Unlock()
		cond.Broadcast()
	})
	defer stop()
	mu.Lock()
	defer mu.Unlock()
	for !*ready && ctx.Err() == nil {
		cond.Wait()
	}
	return ctx.Err()
}

func main() {
	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	ready := false // nobody will ever set it
	ctx, cancel := context.WithCancel(context.Background())
	result := make(chan error)
	go func() { result <- waitReady(ctx, &mu, cond, &ready) }()
	time.Sleep(10 * time.Millisecond) // the waiter parks in Cond.Wait
	cancel()
	fmt.Println("waiter returned:", <-result)
}
