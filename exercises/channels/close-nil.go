// Closing a nil channel panics. The channel field was never made because
// the constructor took an early-return path.
package main

import "fmt"

type job struct {
	done chan struct{}
}

func newJob(cached bool) *job {
	j := &job{}
	if cached {
		return j // early return skips make
	}
	j.done = make(chan struct{})
	return j
}

func main() {
	j := newJob(true)
	fmt.Println("done channel is nil:", j.done == nil)
	close(j.done) // panic
}
