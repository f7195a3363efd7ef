package main

// Infinite recursion ends with Go's stack overflow report and exit status
// 2 (chanlab counts frames, 1,100,000 at most, and shows Go's 1 GB limit).

import "fmt"

type big struct{ a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p int }

func f(n int, s big) int {
	s.a = n
	return f(n+1, s) + s.b
}

func main() {
	fmt.Println("start")
	fmt.Println(f(0, big{}))
}

// Exit: 2
// Stderr: runtime: goroutine stack exceeds 1000000000-byte limit
// Output:
// start
