package main

// A tagless switch compares each case with true: a case of interface type
// matches only when it holds the bool true (not a named bool type).

import "fmt"

type B bool

func which(i interface{}) string {
	switch {
	case i:
		return "true"
	case i == false:
		return "false"
	default:
		return "other"
	}
}

func main() {
	fmt.Println(which(true), which(false), which(B(true)), which(nil), which(1))
	var s fmt.Stringer
	switch x := any(true); {
	case false:
		fmt.Println("no")
	case x:
		fmt.Println("x", s == nil)
	}
}

// Output:
// true false other other other
// x true
