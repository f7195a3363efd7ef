package main

import (
	"errors"
	"fmt"
)

var ErrNotFound = errors.New("not found")

type QueryError struct {
	Query string
	Err   error
}

func (e *QueryError) Error() string { return e.Query + ": " + e.Err.Error() }
func (e *QueryError) Unwrap() error { return e.Err }

func find(k string) error {
	return &QueryError{k, ErrNotFound}
}

func main() {
	err := find("users")
	fmt.Println(err)
	fmt.Println(errors.Is(err, ErrNotFound))
	var qe *QueryError
	if errors.As(err, &qe) {
		fmt.Println("query was", qe.Query)
	}
	wrapped := fmt.Errorf("layer: %w", err)
	fmt.Println(wrapped, errors.Is(wrapped, ErrNotFound), errors.Unwrap(wrapped) == err)
	joined := errors.Join(errors.New("a"), nil, errors.New("b"))
	fmt.Println(joined)
	fmt.Println(errors.Join(nil, nil) == nil)
	multi := fmt.Errorf("%w and %w", ErrNotFound, errors.New("x"))
	fmt.Println(multi, errors.Is(multi, ErrNotFound))
	plain := fmt.Errorf("code %d", 5)
	fmt.Println(plain, errors.Unwrap(plain))
}

// Output:
// users: not found
// true
// query was users
// layer: users: not found true true
// a
// b
// true
// not found and x true
// code 5 <nil>
