package main

// A tagless switch compares each case with true: a case must be a boolean
// or of an interface type bool implements; constants must convert to bool.

import "fmt"

func main() {
	var err error
	var s fmt.Stringer
	var a any
	x := 3
	switch {
	case a, x > 1:
	case err:
	case s:
	case x:
	case 1:
	case "s":
	case nil:
	}
}

// ERROR 15:7: invalid case err in switch on true (mismatched types error and bool)
// ERROR 16:7: invalid case s in switch on true (mismatched types fmt.Stringer and bool)
// ERROR 17:7: invalid case x in switch on true (mismatched types int and bool)
// ERROR 18:7: cannot convert 1 (untyped int constant) to type bool
// ERROR 19:7: cannot convert "s" (untyped string constant) to type bool
// ERROR 20:7: cannot convert nil to type bool
