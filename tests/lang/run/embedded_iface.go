package main

import (
	"fmt"
	"sync"
)

type Animal interface{ Sound() string }
type Base struct{ name string }

func (b Base) Sound() string  { return b.name + " makes a sound" }
func (b *Base) Rename(n string) { b.name = n }

type Dog struct {
	Base
	breed string
}

type SafeMap struct {
	sync.Mutex
	m map[string]int
}

func main() {
	d := &Dog{Base{"rex"}, "lab"}
	var a Animal = d
	fmt.Println(a.Sound())
	d.Rename("max")
	fmt.Println(a.Sound(), d.name)
	sm := SafeMap{m: map[string]int{}}
	sm.Lock()
	sm.m["a"] = 1
	sm.Unlock()
	fmt.Println(sm.m)
}

// Output:
// rex makes a sound
// max makes a sound max
// map[a:1]
