// atomic.Pointer[T]: the one generic type of the subset, instantiated for
// several T (a struct, a recursive node type, int, a slice), with Load,
// Store, Swap, CompareAndSwap, method values, a lock-free stack under
// goroutines, and %T naming the instance.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type Config struct{ Name string }

type node struct {
	v    int
	next *node
}

// stack is a Treiber stack: push and pop retry their CompareAndSwap.
type stack struct {
	head atomic.Pointer[node]
}

func (s *stack) push(v int) {
	n := &node{v: v}
	for {
		old := s.head.Load()
		n.next = old
		if s.head.CompareAndSwap(old, n) {
			return
		}
	}
}

func (s *stack) pop() (int, bool) {
	for {
		old := s.head.Load()
		if old == nil {
			return 0, false
		}
		if s.head.CompareAndSwap(old, old.next) {
			return old.v, true
		}
	}
}

type list struct {
	v    int
	next atomic.Pointer[list]
}

func main() {
	var p atomic.Pointer[Config]
	fmt.Println(p.Load() == nil)
	a := &Config{"a"}
	p.Store(a)
	fmt.Println(p.Load().Name)
	old := p.Swap(&Config{"b"})
	fmt.Println(old.Name, p.Load().Name)
	fmt.Println(p.CompareAndSwap(a, &Config{"c"}), p.Load().Name)
	fmt.Println(p.CompareAndSwap(p.Load(), a), p.Load() == a)
	p.Store(nil)
	fmt.Println(p.Load() == nil)

	q := &atomic.Pointer[int]{}
	x := 5
	q.Store(&x)
	*q.Load() += 2
	fmt.Println(x)
	load := q.Load
	fmt.Println(*load())

	var l list
	l.next.Store(&list{v: 1})
	l.next.Load().next.Store(&list{v: 2})
	fmt.Println(l.v, l.next.Load().v, l.next.Load().next.Load().v)

	var sl atomic.Pointer[[]string]
	sl.Store(&[]string{"x", "y"})
	fmt.Println(len(*sl.Load()))
	fmt.Printf("%T %T %T\n", p, q, sl)

	var s stack
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 100; i++ {
				s.push(g*100 + i)
			}
		}(g)
	}
	wg.Wait()
	sum, n := 0, 0
	for {
		v, ok := s.pop()
		if !ok {
			break
		}
		sum += v
		n++
	}
	fmt.Println(n, sum)
}

// Output:
// true
// a
// a b
// false b
// true true
// true
// 7
// 7
// 0 1 2
// 2
// atomic.Pointer[main.Config] *atomic.Pointer[int] atomic.Pointer[[]string]
// 400 79800
