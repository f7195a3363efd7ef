package main

// runtime.Compiler names the toolchain chanlab behaves as: gc.

import (
	"fmt"
	"runtime"
)

func main() {
	fmt.Println(runtime.Compiler, runtime.Compiler == "gccgo")
}

// Output:
// gc false
