package main

func main() {
	a, b := 1
	_, _ = a, b
}

// ERROR 4:10: assignment mismatch: 2 variables but 1 value
