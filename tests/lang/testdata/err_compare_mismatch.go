package main

func main() {
	var a int
	var b int64
	_ = a == b
}

// ERROR 6:11: invalid operation: a == b (mismatched types int and int64)
