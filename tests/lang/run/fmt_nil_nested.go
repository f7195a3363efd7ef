package main

// nil inside composites: a nil interface element prints <nil> whatever the
// verb (and T(nil) under %#v), nil pointers print 0 under %x and %d, a
// []byte argument is spelled []byte under %#v, and %#v's 0x for unsigned
// numbers and pointers does not leak into later strings.

import (
	"errors"
	"fmt"
)

type box struct {
	Tags []string
	N    uint8
	E    error
	Any  any
}

func main() {
	var np *box
	var nc chan int
	vals := []any{1, "a", nil, 2.5}
	errs := []error{nil, errors.New("x")}
	fmt.Printf("%v|%s|%d|%q|%x|%#v\n", vals, vals, vals, vals, vals, vals)
	fmt.Printf("%v|%s|%#v\n", errs[:1], errs[:1], errs[:1])
	fmt.Printf("%x|%d|%x|%#v|%#v\n", np, np, nc, np, nc)
	fmt.Printf("%#v|%#v|%#v\n", []byte("hi"), [][]byte{[]byte("a")}, []byte(nil))
	fmt.Printf("%#v\n", box{[]string{"a", "b"}, 7, nil, nil})
	fmt.Printf("%#v\n", map[string]any{"k": nil, "s": "v"})
	fmt.Printf("%v %+v\n", box{}, &box{Any: []any{nil}})
}

// Output:
// [1 a <nil> 2.5]|[%!s(int=1) a <nil> %!s(float64=2.5)]|[1 %!d(string=a) <nil> %!d(float64=2.5)]|['\x01' "a" <nil> %!q(float64=2.5)]|[1 61 <nil> 0x1.4p+01]|[]interface {}{1, "a", interface {}(nil), 2.5}
// [<nil>]|[<nil>]|[]error{error(nil)}
// 0|0|0|(*main.box)(nil)|(chan int)(nil)
// []byte{0x68, 0x69}|[][]uint8{[]uint8{0x61}}|[]byte(nil)
// main.box{Tags:[]string{"a", "b"}, N:0x7, E:error(nil), Any:interface {}(nil)}
// map[string]interface {}{"k":interface {}(nil), "s":"v"}
// {[] 0 <nil> <nil>} &{Tags:[] N:0 E:<nil> Any:[<nil>]}
