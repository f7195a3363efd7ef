// If the function given to Once.Do panics, Do still counts as done: later
// calls return at once without retrying, and the value was never set.
package main

import (
	"fmt"
	"sync"
)

var (
	once sync.Once
	conn string
)

func connect(attempt int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Printf("attempt %d: recovered %v\n", attempt, r)
		}
	}()
	once.Do(func() {
		if attempt == 1 {
			panic("network unreachable")
		}
		conn = "connected"
	})
	fmt.Printf("attempt %d: Do returned, conn=%q\n", attempt, conn)
}

func main() {
	connect(1) // panics inside Do
	connect(2) // the network is back, but Do will not run f again
}
