package main

import (
	"fmt"
	"sync"
)

func main() {
	var m sync.Map
	m.Store("a", 1)
	m.Store("b", 2)
	v, ok := m.Load("a")
	fmt.Println(v, ok)
	act, loaded := m.LoadOrStore("a", 9)
	fmt.Println(act, loaded)
	m.Delete("a")
	_, ok = m.Load("a")
	fmt.Println(ok)
	n := 0
	m.Range(func(k, v any) bool { n++; return true })
	fmt.Println(n)
	p := sync.Pool{New: func() any { return new(int) }}
	x := p.Get().(*int)
	*x = 5
	p.Put(x)
	fmt.Println(*p.Get().(*int) >= 0)
}

// Output:
// 1 true
// 1 true
// false
// 1
// true
