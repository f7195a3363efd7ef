package main

func f(a int) {}

func main() {
	s := []int{1}
	f(s...)
}

// ERROR 7:2: cannot use ... in call to non-variadic f
