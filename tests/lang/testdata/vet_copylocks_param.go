package main

import "sync"

func wait(wg sync.WaitGroup) {
	wg.Wait()
}

func main() {
	var wg sync.WaitGroup
	wait(wg)
}

// WARN 5:14: wait passes lock by value: sync.WaitGroup contains sync.noCopy
// WARN 11:7: call of wait copies lock value: sync.WaitGroup contains sync.noCopy
