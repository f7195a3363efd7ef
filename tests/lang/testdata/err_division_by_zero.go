package main

func main() {
	x := 1
	_ = x / 0
}

// ERROR 5:10: invalid operation: division by zero
