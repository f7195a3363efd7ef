// An early return skips Unlock; the next goroutine to Lock waits forever.
package main

import (
	"errors"
	"fmt"
	"runtime"
	"sync"
	"time"
)

var (
	mu    sync.Mutex
	stock = map[string]int{"apple": 1}
)

func take(item string) error {
	mu.Lock()
	if stock[item] == 0 {
		return errors.New("out of " + item) // returns with mu still held
	}
	stock[item]--
	mu.Unlock()
	return nil
}

func main() {
	fmt.Println(take("pear"))
	go func() {
		fmt.Println(take("apple")) // blocks in Lock
	}()
	time.Sleep(100 * time.Millisecond)
	fmt.Println("goroutines:", runtime.NumGoroutine())
}
