// An embedded atomic.Pointer[T]: the field is named Pointer and its
// methods are promoted.
package main

import (
	"fmt"
	"sync/atomic"
)

type cfg struct{ n int }

type holder struct {
	atomic.Pointer[cfg]
	name string
}

func main() {
	var h holder
	h.Store(&cfg{3})
	fmt.Println(h.Load().n, h.Pointer.Load().n)
}

// Output:
// 3 3
