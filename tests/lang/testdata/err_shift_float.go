package main

func main() {
	x := 1.5
	_ = x << 2
}

// ERROR 5:6: invalid operation: shifted operand x (variable of type float64) must be integer
