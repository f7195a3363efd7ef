package main

import (
	"fmt"
)

type Greeter interface{ Greet(string) string }
type En struct{ excl bool }

func (e En) Greet(n string) string {
	if e.excl {
		return "Hello, " + n + "!"
	}
	return "Hello, " + n
}

type Loud struct{ Greeter }

func main() {
	var g Greeter = En{true}
	f := g.Greet
	fmt.Println(f("a"))
	l := Loud{En{}}
	fmt.Println(l.Greet("b"))
	fs := []func(string) string{En{}.Greet, En{true}.Greet}
	for _, h := range fs {
		fmt.Println(h("c"))
	}
}

// Output:
// Hello, a!
// Hello, b
// Hello, c
// Hello, c!
