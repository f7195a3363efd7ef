// want: none
// Workers stop when the context is cancelled; main cancels and waits for
// all of them, so none is left behind.
package main

import (
	"context"
	"fmt"
	"sync"
	"time"
)

func worker(ctx context.Context, id int, counts []int, wg *sync.WaitGroup) {
	defer wg.Done()
	for {
		select {
		case <-ctx.Done():
			return
		case <-time.After(10 * time.Millisecond):
			counts[id]++
		}
	}
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	counts := make([]int, 3)
	var wg sync.WaitGroup
	for id := range counts {
		wg.Add(1)
		go worker(ctx, id, counts, &wg)
	}
	time.Sleep(100 * time.Millisecond)
	cancel()
	wg.Wait()
	ok := true
	for _, c := range counts {
		ok = ok && c >= 1
	}
	fmt.Println("every worker ticked:", ok, "err:", ctx.Err())
}
