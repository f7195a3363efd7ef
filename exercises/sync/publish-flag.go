// Publishing data through a plain bool: the writer sets msg, then ready.
// The reader sleeps and checks ready. Sleeping creates no happens-before
// edge, so both variables are accessed in a data race: the compiler and
// CPU may reorder the writes, and the race detector reports it.
package main

import (
	"fmt"
	"time"
)

var (
	msg   string
	ready bool
)

func main() {
	go func() {
		msg = "config loaded"
		ready = true
	}()
	time.Sleep(50 * time.Millisecond) // "surely done by now"
	if ready {
		fmt.Println(msg)
	} else {
		fmt.Println("not ready")
	}
}
