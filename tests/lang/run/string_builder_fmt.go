package main

import (
	"fmt"
	"strings"
)

func main() {
	var b strings.Builder
	for i := 3; i > 0; i-- {
		fmt.Fprintf(&b, "%d...", i)
	}
	b.WriteString("liftoff")
	fmt.Println(b.String())
	fmt.Println(strings.Map(func(r rune) rune {
		if r == 'a' {
			return 'A'
		}
		return r
	}, "banana"))
	fmt.Println(strings.Title("hello world"), strings.ContainsRune("abc", 'b'), strings.IndexByte("abc", 'c'))
	fmt.Println(strings.TrimLeft("xxyxz", "xy"), strings.TrimRight("zxxyx", "xy"), strings.ContainsAny("hello", "xyz"))
}

// Output:
// 3...2...1...liftoff
// bAnAnA
// Hello World true 2
// z z false
