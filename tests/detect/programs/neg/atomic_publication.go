// want: none
// Publication through an atomic: the data is written before the atomic
// store, and the reader reads it after an atomic load that saw the store
// (Go's atomics are sequentially consistent and synchronise).
package main

import (
	"fmt"
	"runtime"
	"sync/atomic"
)

var (
	data  []string
	ready atomic.Bool
)

func main() {
	go func() {
		data = []string{"alpha", "beta"}
		ready.Store(true)
	}()
	for !ready.Load() {
		runtime.Gosched()
	}
	fmt.Println(data)
}
