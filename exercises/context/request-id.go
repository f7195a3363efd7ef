// A request ID carried in the context the right way: an unexported key
// type, so no other package can read, overwrite or collide with it, and
// typed accessors so callers never touch the key or do type assertions.
package main

import (
	"context"
	"fmt"
)

type ctxKey struct{} // unexported: only this package can build the key

func WithRequestID(ctx context.Context, id string) context.Context {
	return context.WithValue(ctx, ctxKey{}, id)
}

func RequestID(ctx context.Context) (string, bool) {
	id, ok := ctx.Value(ctxKey{}).(string)
	return id, ok
}

func main() {
	ctx := WithRequestID(context.Background(), "req-42")
	// another package using a plain string key cannot clash with ours
	ctx = context.WithValue(ctx, "request-id", "someone else's")
	id, ok := RequestID(ctx)
	fmt.Println("our id:", id, ok)
	fmt.Println("their value:", ctx.Value("request-id"))

	retry := WithRequestID(ctx, "req-42-retry") // shadows for the subtree only
	id, _ = RequestID(retry)
	fmt.Println("retry subtree:", id)
	id, _ = RequestID(ctx)
	fmt.Println("original tree:", id)
	_, ok = RequestID(context.Background())
	fmt.Println("missing id reported:", !ok)
}
