package main

func main() {
	x := "abc
	_ = x
}

// ERROR 4:11: newline in string
