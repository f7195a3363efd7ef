// want: none
// A spin lock built from CompareAndSwap protects a plain variable: the CAS
// that takes the lock is ordered after the Store that released it.
package main

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
)

type spin struct{ state int32 }

func (s *spin) lock() {
	for !atomic.CompareAndSwapInt32(&s.state, 0, 1) {
		runtime.Gosched()
	}
}

func (s *spin) unlock() { atomic.StoreInt32(&s.state, 0) }

func main() {
	var s spin
	total := 0
	var wg sync.WaitGroup
	for w := 0; w < 3; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 20; i++ {
				s.lock()
				total++
				s.unlock()
			}
		}()
	}
	wg.Wait()
	fmt.Println("total:", total)
}
