package main

import (
	"fmt"
	"runtime"
	"strings"
)

// runtime.Stack writes the calling goroutine's trace from Stack's caller on
// (Stack itself is not a frame), ending with a newline as Go's does.

func show() {
	buf := make([]byte, 4096)
	n := runtime.Stack(buf, false)
	s := string(buf[:n])
	lines := strings.Split(s, "\n")
	fmt.Printf("%q\n%q\n", lines[0], lines[1])
	fmt.Println("ends with newline:", strings.HasSuffix(s, "\n"))
	short := make([]byte, 10)
	fmt.Printf("%q\n", short[:runtime.Stack(short, false)])
}

func main() {
	show()
}

// Output:
// "goroutine 1 [running]:"
// "main.show()"
// ends with newline: true
// "goroutine "
