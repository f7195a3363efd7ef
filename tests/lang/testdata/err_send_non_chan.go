package main

func main() {
	x := 1
	x <- 1
}

// ERROR 5:2: invalid operation: cannot send to non-channel x (variable of type int)
