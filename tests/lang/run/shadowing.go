package main

import (
	"errors"
	"fmt"
)

var x = "global"

func main() {
	fmt.Println(x)
	x := "local"
	{
		x := "inner"
		fmt.Println(x)
	}
	fmt.Println(x)
	if x := 5; x > 3 {
		fmt.Println("if", x)
	}
	err := errors.New("outer")
	if true {
		_, err := fmt.Println("shadow")
		_ = err
	}
	fmt.Println(err)
}

// Output:
// global
// inner
// local
// if 5
// shadow
// outer
