package main

// Errorf: %w with one error wraps it, with several wraps them all (indexes
// sorted, repeats dropped), with a non-error or nil complains; %w outside
// Errorf complains.

import (
	"errors"
	"fmt"
)

var errA = errors.New("a")
var errB = errors.New("b")

func main() {
	e1 := fmt.Errorf("one: %w", errA)
	e2 := fmt.Errorf("two: %w + %w", errA, errB)
	e3 := fmt.Errorf("%[2]w %[1]w %[2]w", errA, errB)
	e4 := fmt.Errorf("bad %w", "str")
	e5 := fmt.Errorf("%w %d", errA)
	fmt.Println(e1, errors.Is(e1, errA), errors.Unwrap(e1) == errA)
	fmt.Println(e2, errors.Is(e2, errB), errors.Unwrap(e2))
	fmt.Println(e3, errors.Is(e3, errA), errors.Is(e3, errB))
	fmt.Println(e4, errors.Unwrap(e4))
	fmt.Println(e5, errors.Is(e5, errA))
	fmt.Printf("%w|%v\n", errA, fmt.Errorf("%w", nil))
	fmt.Println(fmt.Sprintf("%[1]d %[1]x %[5]d %d", 10, 11))
}

// Output:
// one: a true true
// two: a + b true <nil>
// b a b true true
// bad %!w(string=str) <nil>
// a %!d(MISSING) true
// %!w(*errors.errorString=&{a})|%!w(<nil>)
// 10 a %!d(BADINDEX) 11
