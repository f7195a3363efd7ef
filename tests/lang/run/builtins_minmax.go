package main

import "fmt"

func main() {
	fmt.Println(min(3, 1, 2), max(3, 1, 2), min(2.5, 1.5), max("a", "b"))
	x := []int{1, 2, 3}
	clear(x)
	fmt.Println(x)
	p := new(int)
	*p = 5
	fmt.Println(*p)
	s := new([]string)
	*s = append(*s, "x")
	fmt.Println(*s, len(*s))
	var a [4]int
	fmt.Println(len(a), cap(a[:2]))
	fmt.Println(len("héllo"), []byte("hi"), []rune("hé"), string([]rune{104, 233}), string(rune(65)))
}

// Output:
// 1 3 1.5 b
// [0 0 0]
// 5
// [x] 1
// 4 4
// 6 [104 105] [104 233] hé A
