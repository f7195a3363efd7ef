package main

func main() {
	a, b := 1, "s"
	_ = a + b
}

// ERROR 5:6: invalid operation: a + b (mismatched types int and string)
