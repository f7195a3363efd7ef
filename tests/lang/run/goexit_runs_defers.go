package main

import (
	"fmt"
	"runtime"
	"sync"
)

// runtime.Goexit runs the goroutine's deferred calls, in every frame, then
// ends the goroutine; recover() returns nil during it; a panic raised by a
// deferred call can be recovered and the Goexit then goes on; a Goexit
// from a deferred call during a panic ends the goroutine too.

func inner(wg *sync.WaitGroup) {
	defer fmt.Println("inner deferred, recover:", recover())
	defer func() { fmt.Println("inner recover:", recover()) }()
	runtime.Goexit()
	fmt.Println("unreachable")
}

func outer(wg *sync.WaitGroup) {
	defer wg.Done()
	defer fmt.Println("outer deferred")
	inner(wg)
	fmt.Println("unreachable")
}

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	go outer(&wg)
	wg.Wait()

	wg.Add(1)
	go func() {
		defer wg.Done()
		defer func() { fmt.Println("recovered during Goexit:", recover()) }()
		defer func() { panic("in a deferred call") }()
		runtime.Goexit()
	}()
	wg.Wait()

	wg.Add(1)
	go func() {
		defer wg.Done()
		defer func() {
			fmt.Println("recovered:", recover())
			runtime.Goexit()
		}()
		panic("p")
	}()
	wg.Wait()

	fmt.Println("goroutines:", runtime.NumGoroutine())
}

// Output:
// inner recover: <nil>
// inner deferred, recover: <nil>
// outer deferred
// recovered during Goexit: in a deferred call
// recovered: p
// goroutines: 1
