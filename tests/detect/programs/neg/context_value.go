// want: none
// Request-scoped values flow down a context to goroutines that only read
// them.
package main

import (
	"context"
	"fmt"
	"sync"
)

type key string

func handle(ctx context.Context, part int, out []string, wg *sync.WaitGroup) {
	defer wg.Done()
	id, _ := ctx.Value(key("request")).(string)
	out[part] = fmt.Sprintf("%s/%d", id, part)
}

func main() {
	ctx := context.WithValue(context.Background(), key("request"), "req-42")
	out := make([]string, 3)
	var wg sync.WaitGroup
	for p := range out {
		wg.Add(1)
		go handle(ctx, p, out, &wg)
	}
	wg.Wait()
	fmt.Println(out)
}
