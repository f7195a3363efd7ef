// A constructor makes the channel, and main closes it to stop the loop.
package main

import (
	"fmt"
	"runtime"
	"time"
)

type server struct {
	inbox chan string
	done  chan int
}

func newServer() *server {
	return &server{inbox: make(chan string), done: make(chan int)}
}

func (s *server) run() {
	handled := 0
	for range s.inbox {
		handled++
	}
	s.done <- handled
}

func main() {
	s := newServer()
	go s.run()
	select {
	case s.inbox <- "hello":
		fmt.Println("delivered")
	case <-time.After(20 * time.Millisecond):
		fmt.Println("gave up delivering")
	}
	close(s.inbox)
	fmt.Println("handled:", <-s.done)
	time.Sleep(100 * time.Millisecond) // let run finish returning
	fmt.Println("goroutines:", runtime.NumGoroutine())
}
