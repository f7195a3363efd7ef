package main

// A run-time panic's value is a runtime.Error even in a program that
// imports nothing (no fmt to bring package runtime in).

func describe(f func()) (s string) {
	defer func() {
		e, ok := recover().(error)
		if !ok {
			s = "not an error"
			return
		}
		s = e.Error()
	}()
	f()
	return "no panic"
}

var sink int

func main() {
	var x []int
	i := 5
	var zero int
	println(describe(func() { sink = x[i] }) + "; " + describe(func() { sink = i / zero }))
}

// Stderr: runtime error: index out of range [5] with length 0; runtime error: integer divide by zero
