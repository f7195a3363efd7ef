package main

// A panic at the bottom of a recursion a million calls deep, recovered at
// the top: the unwinding leaves every stack segment the recursion grew, and
// later deep calls grow new ones.

import "fmt"

func depth(n int) int {
	if n == 0 {
		return 0
	}
	return depth(n-1) + 1
}

func dive(n int) int {
	if n == 0 {
		panic(fmt.Sprintf("bottom of %d", 1000000))
	}
	return dive(n-1) + 1
}

func try(n int) (msg string) {
	defer func() {
		if r := recover(); r != nil {
			msg = fmt.Sprint("recovered: ", r)
		}
	}()
	dive(n)
	return "no panic"
}

// Every frame has a deferred call that runs while the panic goes up; the
// panic is a runtime error from the deepest frame.
var unwound int

func diveDefer(n int) {
	defer func() { unwound++ }()
	if n == 0 {
		var m map[string]int
		m["x"] = 1
	}
	diveDefer(n - 1)
}

func try2(n int) (msg string) {
	defer func() {
		if r := recover(); r != nil {
			msg = fmt.Sprint(r)
		}
	}()
	diveDefer(n)
	return "no panic"
}

// half recovers halfway up, then goes deep again from there.
func half(n int) (r int) {
	if n == 500000 {
		defer func() {
			if e := recover(); e != nil {
				r = depth(400000)
			}
		}()
	}
	if n == 0 {
		panic("deepest")
	}
	return half(n-1) + 1
}

func main() {
	for i := 0; i < 3; i++ {
		fmt.Println(try(1000000))
	}
	fmt.Println(try2(100000), unwound)
	unwound = 0
	fmt.Println(try2(1000000), unwound)
	fmt.Println(half(1000000))
	fmt.Println(depth(1000000))
}

// Output:
// recovered: bottom of 1000000
// recovered: bottom of 1000000
// recovered: bottom of 1000000
// assignment to entry in nil map 100001
// assignment to entry in nil map 1000001
// 900000
// 1000000
