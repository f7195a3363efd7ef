// want: leak 1
// An early return skips the Unlock; the next goroutine to Lock waits forever.
package main

import (
	"fmt"
	"sync"
	"time"
)

var (
	mu    sync.Mutex
	stock = map[string]int{"apple": 1}
)

func take(item string) bool {
	mu.Lock()
	if stock[item] == 0 {
		return false // BUG: returns with mu held
	}
	stock[item]--
	mu.Unlock()
	return true
}

func main() {
	done := make(chan bool)
	go func() {
		done <- take("pear")
	}()
	fmt.Println("pear taken:", <-done)
	go func() {
		take("apple") // blocks in mu.Lock forever
	}()
	time.Sleep(10 * time.Millisecond)
	fmt.Println("main returns")
}
