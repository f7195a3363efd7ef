package main

import (
	"fmt"
	"runtime"
)

// A panic raised by a deferred call during Goexit and never recovered
// ends the run as any panic; the Goexit itself prints nothing.

func main() {
	done := make(chan bool)
	go func() {
		defer close(done)
		defer func() { panic(fmt.Sprint("deferred, recover() = ", recover())) }()
		runtime.Goexit()
	}()
	<-done
	fmt.Println("unreachable")
}

// Exit: 2
// Stderr: panic: deferred, recover() = <nil>
