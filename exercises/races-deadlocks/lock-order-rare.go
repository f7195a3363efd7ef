// The same inversion without a sleep: some schedules finish, others deadlock.
package main

import (
	"fmt"
	"sync"
)

var muA, muB sync.Mutex
var a, b = 100, 100

func main() {
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		for i := 0; i < 10000; i++ {
			muA.Lock()
			muB.Lock()
			a, b = a-1, b+1
			muB.Unlock()
			muA.Unlock()
		}
	}()
	go func() {
		defer wg.Done()
		for i := 0; i < 10000; i++ {
			muB.Lock()
			muA.Lock()
			b, a = b-1, a+1
			muA.Unlock()
			muB.Unlock()
		}
	}()
	wg.Wait()
	fmt.Println("total:", a+b)
}
