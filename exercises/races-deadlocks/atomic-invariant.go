// Two atomic balances must always sum to 200; each update is atomic, the pair is not.
package main

import (
	"fmt"
	"os"
	"sync/atomic"
)

var a, b atomic.Int64

func main() {
	a.Store(100)
	b.Store(100)
	done := make(chan struct{})
	go func() {
		for i := 0; i < 1000; i++ {
			a.Add(-1) // between these two lines the money is nowhere
			b.Add(1)
		}
		close(done)
	}()
	for i := 0; i < 1000; i++ {
		if sum := a.Load() + b.Load(); sum != 200 {
			fmt.Println("invariant broken: a+b =", sum)
			os.Exit(1)
		}
	}
	<-done
	fmt.Println("audits passed")
}
