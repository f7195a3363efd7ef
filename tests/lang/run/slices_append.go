package main

import "fmt"

func main() {
	var s []int
	for i := 0; i < 10; i++ {
		s = append(s, i)
		fmt.Println(len(s), cap(s))
	}
	b := []byte{}
	b = append(b, 'a')
	fmt.Println(len(b), cap(b))
	strs := append([]string(nil), "a", "b", "c")
	fmt.Println(strs, len(strs), cap(strs))
	t := s[2:5]
	fmt.Println(t, len(t), cap(t))
	t = append(t, 100)
	fmt.Println(s)
	u := s[2:4:5]
	fmt.Println(u, len(u), cap(u))
	c := make([]int, 3, 10)
	n := copy(c, s)
	fmt.Println(n, c)
	s = append(s[:1], s[3:]...)
	fmt.Println(s)
	x := append([]byte("hi "), "there"...)
	fmt.Println(string(x))
	big := make([]int, 0)
	for i := 0; i < 600; i++ {
		big = append(big, i)
	}
	fmt.Println(len(big), cap(big))
	var arr [5]int
	sl := arr[1:3]
	sl[0] = 9
	fmt.Println(arr, sl)
	m2 := [][]int{{1}, {2, 3}}
	m2[1] = append(m2[1], 4)
	fmt.Println(m2)
}

// Output:
// 1 1
// 2 2
// 3 4
// 4 4
// 5 8
// 6 8
// 7 8
// 8 8
// 9 16
// 10 16
// 1 8
// [a b c] 3 3
// [2 3 4] 3 14
// [0 1 2 3 4 100 6 7 8 9]
// [2 3] 2 3
// 3 [0 1 2]
// [0 3 4 100 6 7 8 9]
// hi there
// 600 848
// [0 9 0 0 0] [9 0]
// [[1] [2 3 4]]
