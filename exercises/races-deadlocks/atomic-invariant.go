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
	var stop atomic.Bool
	done := make(chan struct{})
	go func() { // the mover shifts one unit at a time, back and forth
		for d := int64(1); !stop.Load(); d = -d {
			a.Add(-d) // between these two lines the unit is nowhere
			b.Add(d)
		}
		close(done)
	}()
	for i := 0; i < 100000; i++ { // the auditor
		if sum := a.Load() + b.Load(); sum != 200 {
			fmt.Println("invariant broken: a+b =", sum)
			os.Exit(1)
		}
	}
	stop.Store(true)
	<-done
	fmt.Println("audits passed")
}
