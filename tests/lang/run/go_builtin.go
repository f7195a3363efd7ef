package main

import (
	"fmt"
	"time"
)

// A go statement may start a builtin that is allowed as a statement
// (println, print, close, delete, copy, clear, panic): its arguments are
// evaluated by the caller, the builtin runs in the new goroutine. A panic
// there (close of a nil channel) ends the program.

func main() {
	c := make(chan int, 1)
	m := map[string]int{"a": 1, "b": 2}
	s := []int{1, 2, 3}
	go println("hello from a goroutine", 42)
	time.Sleep(time.Millisecond)
	go close(c)
	_, ok := <-c
	fmt.Println("closed:", !ok)
	go delete(m, "a")
	time.Sleep(time.Millisecond)
	fmt.Println(len(m), m["b"])
	go copy(s, []int{7, 8})
	go clear(m)
	time.Sleep(time.Millisecond)
	fmt.Println(s, len(m))
	var nc chan int
	go close(nc)
	time.Sleep(time.Millisecond)
	fmt.Println("unreachable")
}

// Exit: 2
// Stderr: hello from a goroutine 42
// Output:
// closed: true
// 1 2
// [7 8 3] 0
