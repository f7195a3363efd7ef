// defer cancel() right after deriving the context: when the request
// returns, its context is cancelled, the watcher wakes up and exits, and
// the parent forgets the child.
package main

import (
	"context"
	"fmt"
	"sort"
)

func handle(parent context.Context, id int, released chan<- int) {
	ctx, cancel := context.WithCancel(parent)
	defer cancel() // always, even when the work succeeds
	go func() {
		<-ctx.Done()
		released <- id
	}()
	// ... the request's work finishes here
}

func main() {
	released := make(chan int, 3)
	for id := 1; id <= 3; id++ {
		handle(context.Background(), id, released)
	}
	ids := []int{<-released, <-released, <-released}
	sort.Ints(ids)
	fmt.Println("requests done; watchers released:", ids)
}
