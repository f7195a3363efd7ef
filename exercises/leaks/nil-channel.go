// A server's inbox field is never made, so its loop waits on a nil channel.
package main

import (
	"fmt"
	"runtime"
	"time"
)

type server struct {
	inbox chan string
}

func (s *server) run() {
	handled := 0
	for range s.inbox { // a nil channel: blocks forever, no error
		handled++
	}
	fmt.Println("handled:", handled)
}

func main() {
	s := &server{} // inbox is nil
	go s.run()
	select {
	case s.inbox <- "hello": // a nil channel's case is never ready
		fmt.Println("delivered")
	case <-time.After(20 * time.Millisecond):
		fmt.Println("gave up delivering")
	}
	fmt.Println("goroutines:", runtime.NumGoroutine())
}
