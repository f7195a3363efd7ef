// want: leak 1
// The results channel was declared but never made: a send on a nil channel
// blocks forever.
package main

import (
	"fmt"
	"time"
)

type server struct {
	results chan int
}

func main() {
	s := &server{} // BUG: s.results is nil
	go func() {
		s.results <- 42
	}()
	time.Sleep(10 * time.Millisecond)
	fmt.Println("results is nil:", s.results == nil)
}
