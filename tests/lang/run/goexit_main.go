package main

import (
	"fmt"
	"runtime"
)

// runtime.Goexit in main runs main's deferred calls and ends the main
// goroutine only: the others run on; when none is left, Go's fatal error.

func main() {
	go fmt.Println("another goroutine runs")
	defer fmt.Println("main's deferred call")
	runtime.Goexit()
	fmt.Println("unreachable")
}

// Exit: 2
// Stderr: fatal error: no goroutines (main called runtime.Goexit) - deadlock!
// Output:
// main's deferred call
// another goroutine runs
