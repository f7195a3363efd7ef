// defer mu.Unlock() releases the lock on every path out of take.
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
	defer mu.Unlock()
	if stock[item] == 0 {
		return errors.New("out of " + item)
	}
	stock[item]--
	return nil
}

func main() {
	fmt.Println(take("pear"))
	go func() {
		fmt.Println(take("apple"))
	}()
	time.Sleep(100 * time.Millisecond)
	fmt.Println("goroutines:", runtime.NumGoroutine())
}
