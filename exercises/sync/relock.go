// Go's Mutex is not reentrant. Withdraw holds the lock and calls Balance,
// which tries to take the same lock again: the goroutine waits for
// itself, forever.
package main

import (
	"fmt"
	"sync"
)

type Account struct {
	mu      sync.Mutex
	balance int
}

func (a *Account) Balance() int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.balance
}

func (a *Account) Withdraw(n int) bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.Balance() < n { // locks a.mu again: blocks forever
		return false
	}
	a.balance -= n
	return true
}

func main() {
	acct := &Account{balance: 100}
	fmt.Println("balance:", acct.Balance())
	fmt.Println("withdraw 30:", acct.Withdraw(30))
}
