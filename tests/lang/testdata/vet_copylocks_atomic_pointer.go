package main

import (
	"fmt"
	"sync/atomic"
)

type Config struct{ name string }

type holder struct {
	cfg atomic.Pointer[Config]
}

func show(p atomic.Pointer[Config]) { fmt.Println(p.Load()) }

func main() {
	var p atomic.Pointer[Config]
	q := p
	var h holder
	h2 := h
	show(p)
	_, _ = q.Load(), h2.cfg.Load()
}

// WARN 14:13: show passes lock by value: sync/atomic.Pointer[main.Config] contains sync/atomic.noCopy
// WARN 18:7: assignment copies lock value to q: sync/atomic.Pointer[main.Config] contains sync/atomic.noCopy
// WARN 20:8: assignment copies lock value to h2: main.holder contains sync/atomic.Pointer[main.Config] contains sync/atomic.noCopy
// WARN 21:7: call of show copies lock value: sync/atomic.Pointer[main.Config] contains sync/atomic.noCopy
