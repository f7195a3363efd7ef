// want: leak 1
// The classic early-return sender: search gives up after its deadline and
// returns, and the goroutine that computes the answer blocks forever on an
// unbuffered send nobody will receive.
package main

import (
	"errors"
	"fmt"
	"time"
)

func slowLookup() int {
	time.Sleep(100 * time.Millisecond)
	return 7
}

func search(timeout time.Duration) (int, error) {
	ch := make(chan int) // unbuffered: the sender waits for a receiver
	go func() {
		ch <- slowLookup()
	}()
	select {
	case v := <-ch:
		return v, nil
	case <-time.After(timeout):
		return 0, errors.New("timed out")
	}
}

func main() {
	_, err := search(10 * time.Millisecond)
	fmt.Println("search:", err)
	time.Sleep(200 * time.Millisecond) // the sender is now stuck for good
	fmt.Println("main returns")
}
