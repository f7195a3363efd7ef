package main

import (
	"fmt"
	"sync/atomic"
)

type Config struct{ Name string }

func main() {
	var v atomic.Value
	fmt.Println(v.Load())
	v.Store(Config{"a"})
	c := v.Load().(Config)
	fmt.Println(c.Name)
	old := v.Swap(Config{"b"})
	fmt.Println(old.(Config).Name, v.Load().(Config).Name)
	var u atomic.Uint64
	u.Store(10)
	u.Add(5)
	fmt.Println(u.Load(), u.CompareAndSwap(15, 1), u.Load())
	var i64 atomic.Int64
	fmt.Println(i64.Add(-3), i64.Swap(7), i64.Load())
}

// Output:
// <nil>
// a
// a b
// 15 true 1
// -3 -3 7
