package main

import (
	"fmt"
	"runtime"
)

var _ runtime.Error

var _ = fmt.Sprint(undefinedThing)

var _, x = 1, undefinedY

const _, c = 1, undefinedZ

const (
	_  = iota
	KB = 1 << (10 * iota)
)

var _, _ int = 1, "s"

func main() { _, _ = x, c }

// ERROR 10:20: undefined: undefinedThing
// ERROR 12:15: undefined: undefinedY
// ERROR 14:17: undefined: undefinedZ
// ERROR 21:19: cannot use "s" (untyped string constant) as int value in variable declaration
