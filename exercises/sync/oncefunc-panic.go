// Once.Do and OnceFunc differ when the function panics. After a panic,
// Once.Do returns quietly on later calls; a OnceFunc re-panics with the
// same value on every call, so the failure cannot be silently ignored.
package main

import (
	"fmt"
	"sync"
)

func try(name string, f func()) {
	defer func() {
		fmt.Printf("%s: recovered %v\n", name, recover())
	}()
	f()
}

func main() {
	runs := 0
	initFn := func() {
		runs++
		panic("init failed")
	}
	var once sync.Once
	try("Do, call 1", func() { once.Do(initFn) })
	try("Do, call 2", func() { once.Do(initFn) })
	f := sync.OnceFunc(initFn)
	try("OnceFunc, call 1", f)
	try("OnceFunc, call 2", f)
	fmt.Println("initFn ran", runs, "times")
}
