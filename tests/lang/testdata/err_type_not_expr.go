package main

func main() {
	int
}

// ERROR 4:2: int (type) is not an expression
