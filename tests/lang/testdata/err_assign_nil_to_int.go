package main

func main() {
	var n int = nil
	_ = n
}

// ERROR 4:14: cannot use nil as int value in variable declaration
