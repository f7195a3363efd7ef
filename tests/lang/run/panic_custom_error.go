package main

import (
	"errors"
	"fmt"
)

func main() {
	fmt.Println("start")
	panic(errors.New("something broke"))
}

// Exit: 2
// Stderr: panic: something broke
// Output:
// start
