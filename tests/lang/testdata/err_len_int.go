package main

func main() {
	_ = len(1)
}

// ERROR 4:10: invalid argument: 1 (untyped int constant) for built-in len
