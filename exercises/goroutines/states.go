// Every goroutine is running, runnable, or waiting for something, and the
// runtime records what. Here each goroutine ends up waiting on something
// different; when nothing can run, Go prints each one's wait reason in
// the deadlock dump (chan receive, chan send, sync.Mutex.Lock, ...).
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	inbox := make(chan int)  // nobody ever sends here
	outbox := make(chan int) // nobody ever receives here
	mu.Lock()
	wg.Add(1)
	go func() { <-inbox }()           // [chan receive]
	go func() { outbox <- 1 }()       // [chan send]
	go func() { mu.Lock() }()         // [sync.Mutex.Lock]
	go func() { select {} }()         // [select (no cases)]
	time.Sleep(10 * time.Millisecond) // main: [sleep] while they park
	fmt.Println("four goroutines parked; main waits for a Done that never comes")
	wg.Wait() // [sync.WaitGroup.Wait]
}
