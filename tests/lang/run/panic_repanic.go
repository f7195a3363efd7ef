package main

import "fmt"

func main() {
	defer func() {
		r := recover()
		fmt.Println("caught", r)
		panic(fmt.Sprint("again: ", r))
	}()
	panic("first")
}

// Exit: 2
// Stderr: panic: first [recovered]
// Output:
// caught first
