package main

func main() {
	x := 1
	_ = *x
}

// ERROR 5:7: invalid operation: cannot indirect x (variable of type int)
