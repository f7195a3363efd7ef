// want: none
// Transfers between accounts always lock the account with the smaller id
// first: a consistent order, so no inversion and no deadlock.
package main

import (
	"fmt"
	"sync"
)

type account struct {
	id      int
	mu      sync.Mutex
	balance int
}

func transfer(from, to *account, amount int) {
	first, second := from, to
	if to.id < from.id {
		first, second = to, from
	}
	first.mu.Lock()
	second.mu.Lock()
	from.balance -= amount
	to.balance += amount
	second.mu.Unlock()
	first.mu.Unlock()
}

func main() {
	a := &account{id: 1, balance: 100}
	b := &account{id: 2, balance: 100}
	var wg sync.WaitGroup
	for i := 0; i < 5; i++ {
		wg.Add(2)
		go func() { defer wg.Done(); transfer(a, b, 3) }()
		go func() { defer wg.Done(); transfer(b, a, 2) }()
	}
	wg.Wait()
	fmt.Println(a.balance, b.balance, a.balance+b.balance)
}
