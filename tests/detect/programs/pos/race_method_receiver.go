// want: race 1
// Incrementing through a pointer receiver from two goroutines.
package main

import (
	"fmt"
	"sync"
	"time"
)

type counter struct{ n int }

func (c *counter) inc() { c.n++ }

func main() {
	c := &counter{}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); c.inc() }()
	go func() {
		defer wg.Done()
		time.Sleep(10 * time.Millisecond)
		c.inc()
	}()
	wg.Wait()
	fmt.Println(c.n)
}
