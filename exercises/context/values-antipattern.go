// The anti-pattern: an ordinary, optional parameter smuggled through the
// context. The caller misspells the key; nothing checks it, the lookup
// silently falls back to the default, and the limit is ignored.
package main

import (
	"context"
	"fmt"
)

type key string

var index = []string{"go", "gopher", "goroutine", "gofmt", "godoc"}

func search(ctx context.Context, prefix string) []string {
	limit, ok := ctx.Value(key("limit")).(int)
	if !ok {
		limit = 10 // default when "no limit was given"
	}
	var out []string
	for _, w := range index {
		if len(out) < limit && len(w) >= len(prefix) && w[:len(prefix)] == prefix {
			out = append(out, w)
		}
	}
	return out
}

func main() {
	ctx := context.WithValue(context.Background(), key("Limit"), 2) // typo
	res := search(ctx, "go")
	fmt.Printf("asked for 2, got %d: %v\n", len(res), res)
}
