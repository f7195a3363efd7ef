package main

func main() {
	s := "a"
	_ = -s
}

// ERROR 5:7: invalid operation: operator - not defined on s (variable of type string)
