// want: lockorder 1
// transfer locks the source account first; two transfers in opposite
// directions take the two locks in opposite orders. This run does them one
// after the other and finishes, but interleaved they can deadlock.
package main

import (
	"fmt"
	"sync"
)

type account struct {
	mu      sync.Mutex
	balance int
}

func transfer(from, to *account, amount int) {
	from.mu.Lock()
	to.mu.Lock()
	from.balance -= amount
	to.balance += amount
	to.mu.Unlock()
	from.mu.Unlock()
}

func main() {
	a := &account{balance: 100}
	b := &account{balance: 100}
	done := make(chan bool)
	go func() {
		transfer(a, b, 10)
		done <- true
	}()
	<-done
	go func() {
		transfer(b, a, 20)
		done <- true
	}()
	<-done
	fmt.Println(a.balance, b.balance)
}
