package main

import (
	"fmt"
)

func main() {
	s := "héllo, 世界"
	fmt.Println(len(s), len([]rune(s)))
	for i, r := range s {
		if r > 127 {
			fmt.Print(i, " ")
		}
	}
	fmt.Println()
	fmt.Println(s[1], s[0:1], string(s[7:]))
	b := []byte(s)
	b[0] = 'H'
	fmt.Println(string(b), s)
	fmt.Println("a" < "b", "abc" > "abd", "x"+"y" == "xy")
	var sb []string
	for _, w := range []string{"x", "y"} {
		sb = append(sb, w+w)
	}
	fmt.Println(sb)
	fmt.Printf("%q %v %d\n", s[1], string(rune(0x4e16)), []byte("é"))
}

// Output:
// 14 9
// 1 8 11 
// 195 h  世界
// Héllo, 世界 héllo, 世界
// true false true
// [xx yy]
// 'Ã' 世 [195 169]
