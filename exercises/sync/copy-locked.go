// Copying a mutex copies its state. A snapshot taken while the original is
// locked holds a locked mutex that nobody will ever unlock, so the first
// Lock on the copy blocks forever. (go vet: "assignment copies lock value")
package main

import (
	"fmt"
	"sync"
)

type Account struct {
	mu      sync.Mutex
	balance int
}

func main() {
	acct := Account{balance: 100}
	acct.mu.Lock()
	snapshot := acct // copies balance AND the locked mutex
	acct.mu.Unlock()
	fmt.Println("original unlocked; snapshot balance:", snapshot.balance)
	snapshot.mu.Lock() // the copy is still locked
	fmt.Println("unreachable")
}
