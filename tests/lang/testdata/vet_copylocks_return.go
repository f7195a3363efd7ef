package main

import "sync"

type T struct {
	once sync.Once
}

func get(t *T) T {
	return *t
}

func main() {
	_ = get(&T{})
}

// WARN 10:9: return copies lock value: main.T contains sync.Once contains sync/atomic.Uint32 contains sync/atomic.noCopy
