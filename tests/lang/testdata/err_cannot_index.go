package main

func main() {
	x := 1
	_ = x[0]
}

// ERROR 5:7: invalid operation: cannot index x (variable of type int)
