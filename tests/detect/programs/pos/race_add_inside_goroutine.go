// want: race 1
// output: varies
// wg.Add is called inside the goroutine, so Wait may return before the
// goroutine has started: main then reads the result while the goroutine
// writes it.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	result := 0
	go func() {
		wg.Add(1) // BUG: must be called before the go statement
		defer wg.Done()
		time.Sleep(10 * time.Millisecond)
		result = 42
	}()
	wg.Wait()
	r := result // races with the write
	time.Sleep(30 * time.Millisecond)
	fmt.Println("read", r == 0 || r == 42)
}
