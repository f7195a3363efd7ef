// want: none
// context.AfterFunc runs its function in its own goroutine after the
// cancel; the function signals a channel that main waits on.
package main

import (
	"context"
	"fmt"
)

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	cleaned := make(chan string)
	note := "before cancel"
	context.AfterFunc(ctx, func() {
		cleaned <- note + ", cleaned up"
	})
	cancel()
	fmt.Println(<-cleaned)
}
