// One mutex guards both balances, so no one can see them half-updated.
package main

import (
	"fmt"
	"os"
	"sync"
)

var (
	mu   sync.Mutex
	a, b = 100, 100
)

func main() {
	done := make(chan struct{})
	go func() {
		for i := 0; i < 1000; i++ {
			mu.Lock()
			a--
			b++
			mu.Unlock()
		}
		close(done)
	}()
	for i := 0; i < 1000; i++ {
		mu.Lock()
		sum := a + b
		mu.Unlock()
		if sum != 200 {
			fmt.Println("invariant broken: a+b =", sum)
			os.Exit(1)
		}
	}
	<-done
	fmt.Println("audits passed")
}
