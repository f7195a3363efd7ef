package main

import (
	"fmt"
	"strings"
)

func main() {
	s := "Hello, World"
	fmt.Println(strings.ToUpper(s), strings.ToLower(s))
	fmt.Println(strings.Contains(s, "World"), strings.HasPrefix(s, "He"), strings.HasSuffix(s, "x"))
	fmt.Println(strings.Index(s, "o"), strings.LastIndex(s, "o"), strings.Index(s, "zz"))
	fmt.Println(strings.Split("a,b,,c", ","), len(strings.Split("a,b,,c", ",")))
	fmt.Println(strings.Join([]string{"x", "y", "z"}, "-"))
	fmt.Println(strings.Repeat("ab", 3), strings.TrimSpace("  pad  "), strings.Fields(" a  b c "))
	fmt.Println(strings.Replace("aaaa", "a", "b", 2), strings.ReplaceAll("aaaa", "a", "bb"))
	fmt.Println(strings.Trim("xxhixx", "x"), strings.TrimPrefix("prefix-x", "prefix-"), strings.TrimSuffix("a.go", ".go"))
	var b strings.Builder
	for i := 0; i < 3; i++ {
		fmt.Fprintf(&b, "%d;", i)
	}
	b.WriteString("end")
	b.WriteByte('!')
	b.WriteRune('é')
	fmt.Println(b.String(), b.Len())
	fmt.Println(strings.Count("cheese", "e"), strings.Count("five", ""))
	before, after, found := strings.Cut("key=value", "=")
	fmt.Println(before, after, found)
	fmt.Println(strings.EqualFold("Go", "GO"), strings.SplitN("a,b,c", ",", 2))
}

// Output:
// HELLO, WORLD hello, world
// true true false
// 4 8 -1
// [a b  c] 4
// x-y-z
// ababab pad [a b c]
// bbaa bbbbbbbb
// hi x a
// 0;1;2;end!é 12
// 3 5
// key value true
// true [a b,c]
