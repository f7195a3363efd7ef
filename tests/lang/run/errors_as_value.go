package main

import (
	"errors"
	"fmt"
)

type CodeErr struct{ Code int }

func (e CodeErr) Error() string { return fmt.Sprintf("code %d", e.Code) }

func main() {
	err := fmt.Errorf("ctx: %w", CodeErr{404})
	var ce CodeErr
	fmt.Println(errors.As(err, &ce), ce.Code)
	var target interface{ Error() string }
	fmt.Println(errors.As(err, &target), target)
	fmt.Println(errors.Is(err, CodeErr{404}), errors.Is(err, CodeErr{500}))
}

// Output:
// true 404
// true ctx: code 404
// true false
