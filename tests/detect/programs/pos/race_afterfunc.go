// want: race 1
// A time.AfterFunc callback runs in its own goroutine: its write is not
// ordered with main's read.
package main

import (
	"fmt"
	"time"
)

func main() {
	fired := false
	time.AfterFunc(5*time.Millisecond, func() {
		fired = true
	})
	time.Sleep(20 * time.Millisecond)
	fmt.Println("fired:", fired) // races with the callback's write
}
