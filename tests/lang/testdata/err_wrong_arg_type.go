package main

func f(s string) {}

func main() {
	f(1)
}

// ERROR 6:4: cannot use 1 (untyped int constant) as string value in argument to f
