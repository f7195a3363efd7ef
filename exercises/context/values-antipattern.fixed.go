// The limit is an explicit parameter: visible in the signature, checked by
// the compiler, impossible to misspell. The context still goes first, for
// cancellation and request-scoped metadata only.
package main

import (
	"context"
	"fmt"
)

var index = []string{"go", "gopher", "goroutine", "gofmt", "godoc"}

func search(ctx context.Context, prefix string, limit int) []string {
	var out []string
	for _, w := range index {
		if ctx.Err() != nil {
			break // the caller gave up
		}
		if len(out) < limit && len(w) >= len(prefix) && w[:len(prefix)] == prefix {
			out = append(out, w)
		}
	}
	return out
}

func main() {
	res := search(context.Background(), "go", 2)
	fmt.Printf("asked for 2, got %d: %v\n", len(res), res)
}
