package main

import (
	"fmt"
)

type Color int

func (c Color) String() string { return [...]string{"red", "green"}[c] }

type Pix struct {
	C     Color
	color Color
	Cs    []Color
}

func main() {
	p := Pix{1, 1, []Color{0, 1}}
	fmt.Println(p)
	fmt.Printf("%v %+v %d\n", p, p, p.C)
	fmt.Println(map[Color]int{0: 5, 1: 6})
	var s fmt.Stringer = Color(0)
	fmt.Println(s)
}

// Output:
// {green 1 [red green]}
// {green 1 [red green]} {C:green color:1 Cs:[red green]} 1
// map[red:5 green:6]
// red
