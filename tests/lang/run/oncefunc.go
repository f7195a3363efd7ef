package main

import (
	"fmt"
	"sync"
)

func main() {
	calls := 0
	f := sync.OnceFunc(func() { calls++ })
	f()
	f()
	f()
	fmt.Println(calls)
}

// Output:
// 1
