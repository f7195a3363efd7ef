// want: none
// Two goroutines take A and B in opposite orders, but always while holding
// the same gate mutex, so they can never interleave inside: no deadlock is
// possible and no lock-order inversion is reported (a gate lock, as
// Goodlock calls it).
package main

import (
	"fmt"
	"sync"
)

var gate, muA, muB sync.Mutex

func main() {
	var wg sync.WaitGroup
	n := 0
	wg.Add(2)
	go func() {
		defer wg.Done()
		gate.Lock()
		muA.Lock()
		muB.Lock()
		n++
		muB.Unlock()
		muA.Unlock()
		gate.Unlock()
	}()
	go func() {
		defer wg.Done()
		gate.Lock()
		muB.Lock()
		muA.Lock()
		n += 10
		muA.Unlock()
		muB.Unlock()
		gate.Unlock()
	}()
	wg.Wait()
	fmt.Println("n:", n)
}
