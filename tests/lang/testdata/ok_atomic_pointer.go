package main

import (
	"fmt"
	"sync/atomic"
)

type node struct {
	v    int
	next atomic.Pointer[node]
}

type registry struct {
	cur atomic.Pointer[map[string]int]
}

var global atomic.Pointer[string]

func (r *registry) get(k string) int {
	m := r.cur.Load()
	if m == nil {
		return 0
	}
	return (*m)[k]
}

func main() {
	var head node
	head.next.Store(&node{v: 1})
	var r registry
	m := map[string]int{"a": 1}
	r.cur.Store(&m)
	s := "x"
	global.Store(&s)
	var swapped bool = global.CompareAndSwap(&s, nil)
	var old *string = global.Swap(&s)
	ps := []*atomic.Pointer[node]{&head.next}
	fmt.Println(head.next.Load().v, r.get("a"), swapped, old == nil, len(ps))
}
