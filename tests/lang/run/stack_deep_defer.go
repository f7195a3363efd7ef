package main

// Deep recursion with a deferred call in every frame: each frame runs its
// defer as the calls return, on whichever stack segment it lives.

import "fmt"

var ran int

func deferred(n int) int {
	defer func() { ran++ }()
	if n == 0 {
		return 0
	}
	return deferred(n-1) + 1
}

// named's deferred calls change its result on the way up.
func named(n int) (r int) {
	defer func() { r += 2 }()
	if n == 0 {
		return 0
	}
	return named(n - 1)
}

// order records the order the deferred calls of the deepest frames run in.
var trail []int

func order(n int) {
	if n < 5 {
		defer func() { trail = append(trail, n) }()
	}
	if n == 0 {
		return
	}
	order(n - 1)
}

func main() {
	for _, d := range []int{100000, 1000000} {
		ran = 0
		fmt.Println(d, deferred(d), ran)
	}
	fmt.Println(named(1000000))
	order(1000000)
	fmt.Println(trail)
}

// Output:
// 100000 100000 100001
// 1000000 1000000 1000001
// 2000002
// [0 1 2 3 4]
