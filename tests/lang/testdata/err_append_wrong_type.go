package main

func main() {
	s := []int{}
	s = append(s, "x")
}

// ERROR 5:16: cannot use "x" (untyped string constant) as int value in argument to append
