package main

import "sync/atomic"

type N struct{}

func main() {
	var p atomic.Pointer
	var q atomic.Int32[int]
	var r atomic.Pointer[N]
	r.Store(5)
	var s int = r
	_, _, _ = p, q, s
	_ = atomic.Pointer[N]{}.Load
	var t atomic.Pointer[int]
	t.Store(new(N))
	var u *N = t.Load()
	_ = u
}

// ERROR 8:8: cannot use generic type atomic.Pointer[T any] without instantiation
// ERROR 9:8: invalid operation: atomic.Int32[int] (atomic.Int32 is not a generic type)
// ERROR 11:10: cannot use 5 (untyped int constant) as *N value in argument to r.Store
// ERROR 12:14: cannot use r (variable of type atomic.Pointer[N]) as int value in variable declaration
// ERROR 14:26: cannot call pointer method Load on atomic.Pointer[N]
// ERROR 16:10: cannot use new(N) (value of type *N) as *int value in argument to t.Store
// ERROR 17:13: cannot use t.Load() (value of type *int) as *N value in variable declaration
