package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var n int64
	var c atomic.Int32
	var wg sync.WaitGroup
	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			atomic.AddInt64(&n, 2)
			c.Add(1)
		}()
	}
	wg.Wait()
	fmt.Println(atomic.LoadInt64(&n), c.Load())
	var flag atomic.Bool
	fmt.Println(flag.Load(), flag.CompareAndSwap(false, true), flag.Load())
	var u uint32
	atomic.StoreUint32(&u, 7)
	swapped := atomic.CompareAndSwapUint32(&u, 7, 8)
	after := u
	old := atomic.SwapUint32(&u, 1)
	fmt.Println(swapped, after, old, u)
	var v atomic.Value
	v.Store("cfg")
	fmt.Println(v.Load())
}

// Output:
// 100 50
// false true true
// true 8 8 1
// cfg
