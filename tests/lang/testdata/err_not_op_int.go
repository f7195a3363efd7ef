package main

func main() {
	x := 1
	_ = !x
}

// ERROR 5:7: invalid operation: operator ! not defined on x (variable of type int)
