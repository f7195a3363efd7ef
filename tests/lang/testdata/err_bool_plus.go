package main

func main() {
	_ = true + 1
}

// ERROR 4:6: invalid operation: true + 1 (mismatched types untyped bool and untyped int)
