package main

import "fmt"

// Calling a value method through an interface holding a nil pointer panics
// with Go's wrapper text, at the call: a method value or a deferred call of
// it is made without panicking (Go issues 19040 and 52072). The interface
// is a global so that Go cannot devirtualize the calls (a devirtualized
// call reports a plain nil dereference instead).

type I interface{ M() string }

type T struct{ x int }

func (t T) M() string { return fmt.Sprint("T.M ", t.x) }

type P struct{ y int }

func (p *P) M() string { return fmt.Sprint("P.M ", p.y) }

type W struct{ T }
type WP struct{ *T }
type WQ struct{ *P }

var gi I

func try(name string, fn func()) {
	defer func() { fmt.Println(name, recover()) }()
	fn()
}

func deferred() (r int) {
	defer func() { recover() }()
	defer gi.M()
	r = 1
	return
}

func main() {
	var nt *T
	gi = nt
	try("call", func() { gi.M() })
	try("method value", func() {
		f := gi.M
		fmt.Println("bound")
		f()
	})
	fmt.Println("deferred returns", deferred())

	// Promoted methods: the method value walks to the receiver when called.
	gi = W{T{1}}
	f := gi.M
	fmt.Println(f())
	gi = &W{T{2}}
	f = gi.M
	fmt.Println(f())
	gi = WP{&T{3}}
	f = gi.M
	fmt.Println(f())
	gi = WQ{&P{4}}
	f = gi.M
	fmt.Println(f())
	t := &T{5}
	gi = t
	f = gi.M
	t.x = 6
	fmt.Println(f())
	gi = WP{}
	try("promoted nil", func() {
		f := gi.M
		fmt.Println("bound")
		f()
	})
}

// Output:
// call value method main.T.M called using nil *T pointer
// bound
// method value value method main.T.M called using nil *T pointer
// deferred returns 1
// T.M 1
// T.M 2
// T.M 3
// P.M 4
// T.M 6
// bound
// promoted nil runtime error: invalid memory address or nil pointer dereference
