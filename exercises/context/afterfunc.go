// context.AfterFunc (Go 1.21) runs a function in its own goroutine once
// the context is done, without a goroutine parked on ctx.Done() meanwhile.
// The returned stop function unregisters it, if it has not started yet.
package main

import (
	"context"
	"fmt"
)

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	closed := make(chan struct{})
	stopClose := context.AfterFunc(ctx, func() {
		fmt.Println("AfterFunc: closing the connection")
		close(closed)
	})
	stopLog := context.AfterFunc(ctx, func() {
		fmt.Println("AfterFunc: never printed")
	})
	fmt.Println("stopLog unregistered it:", stopLog())
	cancel()
	<-closed
	fmt.Println("stopClose after it ran:", stopClose())

	ran := make(chan struct{})
	late := context.AfterFunc(ctx, func() { close(ran) })
	<-ran // registered on a context that is already done: runs at once
	fmt.Println("late AfterFunc ran; its stop reports:", late())
}
