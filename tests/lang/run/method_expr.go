package main

// Method expressions T.m: value methods through a pointer type, interface
// method expressions (dynamic dispatch), methods promoted through embedded
// fields, and as function values passed to a goroutine.

import "fmt"

type S string

func (s S) val() int  { return len(s) }
func (s *S) set(v S) { *s = v }

type Val interface{ val() int }

type Inner struct{ n int }

func (i Inner) get() int { return i.n }
func (i *Inner) inc()    { i.n++ }

type Outer struct {
	Inner
	Val
}

func main() {
	s := S("abc")
	fmt.Println(S.val(s), (*S).val(&s))
	(*S).set(&s, "hello")
	fmt.Println(s)
	f := (*S).val
	fmt.Println(f(&s))
	fmt.Println(Val.val(s), Val.val(&s))
	o := Outer{Inner{41}, S("xy")}
	(*Outer).inc(&o)
	fmt.Println(Outer.get(o), (*Outer).get(&o), Outer.val(o), (*Outer).val(&o))
	done := make(chan int)
	go func(g func(Val) int) { done <- g(S("four")) }(Val.val)
	fmt.Println(<-done)
	defer func() { fmt.Println("recovered:", recover()) }()
	var v Val
	Val.val(v)
}

// Output:
// 3 3
// hello
// 5
// 5 5
// 42 42 2 2
// 4
// recovered: runtime error: invalid memory address or nil pointer dereference
