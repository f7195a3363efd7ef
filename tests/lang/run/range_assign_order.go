package main

// A range clause that assigns existing variables works as an assignment:
// the index expressions on the left are evaluated before either store.

import "fmt"

func main() {
	x := []int{10, 20}
	i := 1
	for i, x[i] = range []int{99} {
		break
	}
	fmt.Println(i, x)
	m := map[string]int{}
	k := "old"
	for k, m[k] = range map[string]int{"new": 7} {
	}
	fmt.Println(k, m)
	r := []rune{'a', 'b'}
	j := 1
	for j, r[j] = range "c" {
	}
	fmt.Println(j, string(r))
}

// Output:
// 0 [10 99]
// new map[old:7]
// 0 ac
