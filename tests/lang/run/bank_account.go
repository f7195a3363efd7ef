package main

import (
	"fmt"
	"sync"
)

type Account struct {
	mu      sync.Mutex
	balance int
}

func (a *Account) Deposit(n int) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.balance += n
}

func (a *Account) Withdraw(n int) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	if n > a.balance {
		return fmt.Errorf("insufficient funds: have %d, need %d", a.balance, n)
	}
	a.balance -= n
	return nil
}

func main() {
	acc := &Account{}
	var wg sync.WaitGroup
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() { defer wg.Done(); acc.Deposit(10) }()
	}
	wg.Wait()
	fmt.Println(acc.balance)
	fmt.Println(acc.Withdraw(50), acc.Withdraw(100))
	fmt.Println(acc.balance)
}

// Output:
// 100
// <nil> insufficient funds: have 50, need 100
// 50
