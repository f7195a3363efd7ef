package main

func main() {
	x := 1
	_ = x.(int)
}

// ERROR 5:6: invalid operation: x (variable of type int) is not an interface
