package main

// Deep recursion runs as in Go, whose goroutine stacks grow to 1 GB:
// chanlab continues a call whose C stack runs low on a new segment of the
// goroutine's stack, and comes back to the goroutine's own stack as the
// calls return.

import "fmt"

func depth(n int) int {
	if n == 0 {
		return 0
	}
	return depth(n-1) + 1
}

// sum keeps a local and more arguments across the call.
func sum(n int, acc int64, step int) int64 {
	if n == 0 {
		return acc
	}
	local := int64(n * step)
	return sum(n-1, acc, step) + local
}

func even(n int) bool {
	if n == 0 {
		return true
	}
	return odd(n - 1)
}

func odd(n int) bool {
	if n == 0 {
		return false
	}
	return even(n - 1)
}

type node struct {
	next *node
	v    int
}

// walk recurses down a linked list a million long (a method, a pointer
// receiver).
func (n *node) walk() int {
	if n == nil {
		return 0
	}
	return n.v + n.next.walk()
}

func main() {
	for _, d := range []int{100000, 1000000} {
		fmt.Println(d, depth(d))
	}
	fmt.Println(sum(1000000, 7, 2))
	fmt.Println(even(1000000), odd(999999), even(999999))
	var f func(n int) int
	f = func(n int) int {
		if n == 0 {
			return 1
		}
		return (f(n-1)*3 + n) % 1000003
	}
	fmt.Println(f(1000000))
	var list *node
	for i := 0; i < 1000000; i++ {
		list = &node{list, i % 7}
	}
	fmt.Println(list.walk())
	// Up and down again, many times across the first segment's boundary.
	total := 0
	for i := 0; i < 500; i++ {
		total += depth(2000 + i*7%3000)
	}
	fmt.Println(total, depth(10))
}


// Output:
// 100000 100000
// 1000000 1000000
// 1000001000007
// true true false
// 388891
// 2999997
// 1660250 10
