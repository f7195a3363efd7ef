package main

import (
	"fmt"
)

func main() {
	defer func() {
		r := recover()
		fmt.Println(r)
	}()
	panic(nil)
}

// NoGo: Go in GOPATH mode keeps the pre-1.21 panic(nil); chanlab follows go1.21+
// Output:
// panic called with nil argument (use -gcflags=-d=panicnil=1 to make this a no-op)
