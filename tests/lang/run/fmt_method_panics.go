package main

// String and Error methods as fmt calls them: a pointer method that copes
// with a nil receiver is called; one that panics on a nil receiver prints
// <nil>; any other panic is printed as %!v(PANIC=String method: ...).

import "fmt"

type safe struct{ n int }

func (s *safe) String() string {
	if s == nil {
		return "safe(nil)"
	}
	return fmt.Sprint("safe(", s.n, ")")
}

type unsafe struct{ n int }

func (u *unsafe) String() string { return fmt.Sprint("unsafe(", u.n, ")") }

type moody int

func (m moody) String() string {
	if m < 0 {
		panic(fmt.Sprintf("negative %d", int(m)))
	}
	return "fine"
}

type failing struct{}

func (failing) Error() string {
	var m map[string]int
	m["x"] = 1
	return "unreachable"
}

func main() {
	var s *safe
	var u *unsafe
	fmt.Println(s, &safe{1}, []*safe{nil, {2}})
	fmt.Println(u, &unsafe{3}, []*unsafe{nil})
	fmt.Println(moody(1), moody(-1), []moody{2, -2})
	fmt.Printf("%s|%d|%x|%6v|\n", moody(-3), moody(-3), moody(-3), moody(-3))
	fmt.Println(failing{})
	fmt.Printf("%v\n", map[string]moody{"a": -4})
}

// Output:
// safe(nil) safe(1) [safe(nil) safe(2)]
// <nil> unsafe(3) [<nil>]
// fine %!v(PANIC=String method: negative -1) [fine %!v(PANIC=String method: negative -2)]
// %!s(PANIC=String method: negative -3)|-3|%!x(PANIC=String method: negative -3)|%!v(PANIC=String method: negative -3)|
// %!v(PANIC=Error method: assignment to entry in nil map)
// map[a:%!v(PANIC=String method: negative -4)]
