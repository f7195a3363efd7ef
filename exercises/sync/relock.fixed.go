// The usual cure: exported methods take the lock, unexported helpers
// assume it is held (the "Locked" suffix says so) and never lock.
package main

import (
	"fmt"
	"sync"
)

type Account struct {
	mu      sync.Mutex
	balance int
}

func (a *Account) balanceLocked() int { return a.balance } // a.mu must be held

func (a *Account) Balance() int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.balanceLocked()
}

func (a *Account) Withdraw(n int) bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.balanceLocked() < n {
		return false
	}
	a.balance -= n
	return true
}

func main() {
	acct := &Account{balance: 100}
	fmt.Println("balance:", acct.Balance())
	fmt.Println("withdraw 30:", acct.Withdraw(30))
	fmt.Println("balance:", acct.Balance())
}
