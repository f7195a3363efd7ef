package main

import (
	"context"
	"time"
)

func main() {
	ctx, cancel := context.WithDeadline(context.Background(), time.Now().Add(time.Second))
	defer cancel()
	select {
	case <-ctx.Done():
	default:
	}
}
