// Two transfers lock the same two accounts in opposite orders.
package main

import (
	"fmt"
	"sync"
	"time"
)

type account struct {
	id      int
	mu      sync.Mutex
	balance int
}

func transfer(from, to *account, amount int, wg *sync.WaitGroup) {
	defer wg.Done()
	from.mu.Lock()
	defer from.mu.Unlock()
	time.Sleep(50 * time.Millisecond) // widen the window: the other transfer takes its first lock
	to.mu.Lock()
	defer to.mu.Unlock()
	from.balance -= amount
	to.balance += amount
}

func main() {
	a := &account{id: 1, balance: 100}
	b := &account{id: 2, balance: 100}
	var wg sync.WaitGroup
	wg.Add(2)
	go transfer(a, b, 10, &wg) // locks a, then wants b
	go transfer(b, a, 20, &wg) // locks b, then wants a
	wg.Wait()
	fmt.Println("a:", a.balance, "b:", b.balance)
}
