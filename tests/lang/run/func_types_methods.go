package main

import (
	"fmt"
)

type Handler func(string) string

func (h Handler) Twice(s string) string { return h(h(s)) }

type Middleware func(Handler) Handler

func chain(h Handler, ms ...Middleware) Handler {
	for i := len(ms) - 1; i >= 0; i-- {
		h = ms[i](h)
	}
	return h
}

func main() {
	up := Handler(func(s string) string { return s + "!" })
	fmt.Println(up.Twice("hi"))
	wrap := func(tag string) Middleware {
		return func(next Handler) Handler {
			return func(s string) string { return tag + "(" + next(s) + ")" }
		}
	}
	fmt.Println(chain(up, wrap("a"), wrap("b"))("x"))
}

// Output:
// hi!!
// a(b(x!))
