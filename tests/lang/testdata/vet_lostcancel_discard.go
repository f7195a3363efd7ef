package main

import (
	"context"
	"time"
)

func main() {
	ctx, _ := context.WithTimeout(context.Background(), time.Second)
	<-ctx.Done()
}

// WARN 9:7: the cancel function returned by context.WithTimeout should be called, not discarded, to avoid a context leak
