package main

import "fmt"

func swap(a, b string) (string, string) { return b, a }

func divmod(a, b int) (q, r int) {
	q = a / b
	r = a % b
	return
}

func main() {
	x, y := swap("a", "b")
	fmt.Println(x, y)
	q, r := divmod(17, 5)
	fmt.Println(q, r)
	a := []int{1, 2, 3}
	i := 0
	i, a[i] = 1, 9
	fmt.Println(i, a)
	a[0], a[1], a[2] = a[2], a[0], a[1]
	fmt.Println(a)
	var u, v = 1, "s"
	fmt.Println(u, v)
	_, b := swap("p", "q")
	fmt.Println(b)
	fmt.Println(divmod(7, 2))
}

// Output:
// b a
// 3 2
// 1 [9 2 3]
// [3 9 2]
// 1 s
// p
// 3 1
