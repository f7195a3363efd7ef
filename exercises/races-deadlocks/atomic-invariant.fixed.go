// One mutex guards both balances, so no one can see them half-updated.
package main

import (
	"fmt"
	"os"
	"sync"
	"sync/atomic"
)

var (
	mu   sync.Mutex
	a, b = 100, 100
)

func main() {
	var stop atomic.Bool
	done := make(chan struct{})
	go func() {
		for d := 1; !stop.Load(); d = -d {
			mu.Lock()
			a -= d
			b += d
			mu.Unlock()
		}
		close(done)
	}()
	for i := 0; i < 100000; i++ {
		mu.Lock()
		sum := a + b
		mu.Unlock()
		if sum != 200 {
			fmt.Println("invariant broken: a+b =", sum)
			os.Exit(1)
		}
	}
	stop.Store(true)
	<-done
	fmt.Println("audits passed")
}
