package main

import "sync/atomic"

type S struct{ n atomic.Int64 }

func main() {
	var a atomic.Int32
	b := a
	var s S
	t := s
	_, _ = b.Load(), t.n.Load()
}

// WARN 9:7: assignment copies lock value to b: sync/atomic.Int32 contains sync/atomic.noCopy
// WARN 11:7: assignment copies lock value to t: main.S contains sync/atomic.Int64 contains sync/atomic.noCopy
