// compiled_paths.go: the shapes the interpreter compiles to specialised
// nodes, and their slow paths: 64-bit integer wrap-around and division
// corners, unsigned comparisons, locals moved into cells by &x (assignment,
// x++, x op= y through the cell), a named result captured by a deferred
// closure, Go 1.22 per-iteration loop variables, range/switch/select bodies,
// labeled break and continue, struct arguments copied, deep recursion.
package main

import (
	"fmt"
	"math"
	"sort"
)

type pt struct{ x, y int }

func div(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	q = a / b
	return q, nil
}

func quo(a, b int64) int64 { return a / b }
func rem(a, b int64) int64 { return a % b }

func doubled() (r int) {
	defer func() { r *= 2 }()
	return 21
}

func move(p pt) pt {
	p.x += 100
	return p
}

func depth(n int) int {
	if n == 0 {
		return 0
	}
	return depth(n-1) + 1
}

func classify(n int) string {
	switch {
	case n < 0:
		return "neg"
	case n == 0:
		fallthrough
	case n == 1:
		return "small"
	}
	return "big"
}

func main() {
	// integer corners
	var m int64 = math.MinInt64
	fmt.Println(quo(m, -1), rem(m, -1), quo(-7, 2), rem(-7, 2))
	var big uint64 = 1 << 63
	var one uint64 = 1
	fmt.Println(big > one, one < big, big+big, -one)
	if _, err := div(1, 0); err != nil {
		fmt.Println("recovered:", err)
	}

	// locals moved into cells
	x := 1
	p := &x
	x = 5
	x++
	x += 10
	*p *= 2
	fmt.Println(x, *p)

	fmt.Println(doubled())

	// per-iteration loop variables
	var fs []func() int
	for i := 0; i < 3; i++ {
		fs = append(fs, func() int { return i * i })
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()

	// range over int, slice, channel, map
	sum := 0
	for i := range 5 {
		sum += i
	}
	for _, v := range []int{10, 20} {
		sum += v
	}
	ch := make(chan int, 3)
	ch <- 100
	ch <- 200
	close(ch)
	for v := range ch {
		sum += v
	}
	keys := []string{}
	for k := range map[string]int{"b": 1, "a": 2} {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fmt.Println(sum, keys)

	// labeled break and continue
	n := 0
outer:
	for i := 0; i < 5; i++ {
		for j := 0; j < 5; j++ {
			if j == 3 {
				continue outer
			}
			if i == 3 {
				break outer
			}
			n += 10*i + j
		}
	}
	fmt.Println(n)

	fmt.Println(classify(-1), classify(0), classify(1), classify(9))

	// select with a default, then a ready case
	c := make(chan string, 1)
	select {
	case s := <-c:
		fmt.Println("got", s)
	default:
		fmt.Println("empty")
	}
	c <- "hi"
	select {
	case s := <-c:
		fmt.Println("got", s)
	default:
		fmt.Println("empty")
	}

	// struct arguments are copies
	a := pt{1, 2}
	b := move(a)
	fmt.Println(a, b)

	fmt.Println(depth(1000))
}

// Output:
// -9223372036854775808 0 -3 -1
// true true 0 18446744073709551615
// recovered: runtime error: integer divide by zero
// 32 32
// 42
// 0 1 4 
// 340 [a b]
// 99
// neg small small big
// empty
// got hi
// {1 2} {101 2}
// 1000
