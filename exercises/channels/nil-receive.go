// Axiom 2: a receive from a nil channel blocks forever too. A worker
// waiting on a channel that was never made can never be woken.
package main

import (
	"fmt"
	"sync"
)

type server struct {
	requests chan string // forgot make() in the constructor
}

func main() {
	s := &server{}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for r := range s.requests { // chan receive (nil chan)
			fmt.Println("handled", r)
		}
	}()
	fmt.Println("server started")
	wg.Wait()
}
