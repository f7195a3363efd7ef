package main

import (
	"errors"
	"fmt"
)

func main() {
	err := fmt.Errorf("wrapped: %w", errors.New("inner"))
	panic(err)
}

// Exit: 2
// Stderr: panic: wrapped: inner
// Output:
