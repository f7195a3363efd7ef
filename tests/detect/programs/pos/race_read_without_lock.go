// want: race 1
// Writers hold the lock, but the reporter reads the balance without it.
package main

import (
	"fmt"
	"sync"
	"time"
)

type account struct {
	mu      sync.Mutex
	balance int
}

func (a *account) deposit(n int) {
	a.mu.Lock()
	a.balance += n
	a.mu.Unlock()
}

func (a *account) peek() int {
	return a.balance // BUG: no lock
}

func main() {
	a := &account{}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		a.deposit(10)
	}()
	time.Sleep(10 * time.Millisecond)
	fmt.Println("balance seen:", a.peek())
	wg.Wait()
}
