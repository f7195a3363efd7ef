// want: leak 1
// main takes the lock, starts a goroutine that needs it, and returns
// without unlocking.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var mu sync.Mutex
	mu.Lock()
	go func() {
		mu.Lock()
		fmt.Println("unreachable")
		mu.Unlock()
	}()
	time.Sleep(10 * time.Millisecond)
	fmt.Println("main returns holding the lock")
}
