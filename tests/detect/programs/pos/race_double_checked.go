// want: race 1
// Broken double-checked locking: the first check reads the pointer without
// the lock, racing with the write made under it.
package main

import (
	"fmt"
	"sync"
	"time"
)

type config struct{ name string }

var (
	mu       sync.Mutex
	instance *config
)

func get() *config {
	c := instance // BUG: unlocked read
	if c == nil {
		mu.Lock()
		if instance == nil {
			instance = &config{name: "cfg"}
		}
		c = instance
		mu.Unlock()
	}
	return c
}

func main() {
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); get() }()
	go func() {
		defer wg.Done()
		time.Sleep(10 * time.Millisecond)
		get()
	}()
	wg.Wait()
	fmt.Println(get().name)
}
