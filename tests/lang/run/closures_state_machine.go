package main

import (
	"fmt"
)

type state func(r rune) state

func main() {
	count := 0
	var inWord, inSpace state
	inWord = func(r rune) state {
		if r == ' ' {
			return inSpace
		}
		return inWord
	}
	inSpace = func(r rune) state {
		if r != ' ' {
			count++
			return inWord
		}
		return inSpace
	}
	st := inSpace
	for _, r := range "  the quick  brown fox " {
		st = st(r)
	}
	fmt.Println(count)
}

// Output:
// 4
