package main

func main() {
	var n int = "a"
	_ = n
}

// ERROR 4:14: cannot use "a" (untyped string constant) as int value in variable declaration
