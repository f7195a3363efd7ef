package main

import (
	"fmt"
)

type A struct{}
type B struct{ n int }

func (B) M() {}

type I interface{ M() }

func kind(x interface{}) string {
	switch v := x.(type) {
	case A:
		return "A"
	case *B:
		return fmt.Sprint("*B ", v.n)
	case I:
		return "I"
	case int, int64:
		return fmt.Sprintf("int-ish %v", v)
	case func() int:
		return fmt.Sprint("func ", v())
	case []int:
		return fmt.Sprint("slice ", len(v))
	case map[string]int:
		return "map"
	case chan int:
		return "chan"
	}
	return "?"
}

func main() {
	fmt.Println(kind(A{}), kind(&B{3}), kind(B{}), kind(int64(5)), kind(7))
	fmt.Println(kind(func() int { return 1 }), kind([]int{1, 2}), kind(map[string]int{}), kind(make(chan int)), kind(1.5))
}

// Output:
// A *B 3 I int-ish 5 int-ish 7
// func 1 slice 2 map chan ?
