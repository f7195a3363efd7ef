// A request fans out to three backends under one cancellable context.
// The first failure cancels the context with its error as the cause; the
// other calls see ctx.Done(), stop, and everyone can report why.
package main

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"sync"
)

func backend(ctx context.Context, name string, cancel context.CancelCauseFunc) string {
	if name == "inventory" {
		cancel(errors.New("inventory: 503 from upstream"))
		return name + ": failed"
	}
	<-ctx.Done() // a long call that honours cancellation
	return name + ": stopped (" + ctx.Err().Error() + ")"
}

func main() {
	ctx, cancel := context.WithCancelCause(context.Background())
	defer cancel(nil)
	var mu sync.Mutex
	var wg sync.WaitGroup
	var report []string
	for _, name := range []string{"pricing", "inventory", "reviews"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := backend(ctx, name, cancel)
			mu.Lock()
			report = append(report, r)
			mu.Unlock()
		}()
	}
	wg.Wait()
	sort.Strings(report)
	fmt.Println(report)
	fmt.Println("request failed because:", context.Cause(ctx))
}
