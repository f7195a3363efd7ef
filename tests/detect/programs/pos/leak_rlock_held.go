// want: leak 1
// A reader returns without RUnlock; the writer that comes later waits
// forever for the read lock to be released.
package main

import (
	"fmt"
	"sync"
	"time"
)

var (
	rw     sync.RWMutex
	config = "v1"
)

func read() string {
	rw.RLock()
	return config // BUG: no RUnlock
}

func main() {
	fmt.Println("config:", read())
	go func() {
		rw.Lock() // waits for the reader that never leaves
		config = "v2"
		rw.Unlock()
	}()
	time.Sleep(10 * time.Millisecond)
	fmt.Println("main returns")
}
