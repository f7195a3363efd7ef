package main

func main() {
	_ = int("a")
}

// ERROR 4:10: cannot convert "a" (untyped string constant) to type int
