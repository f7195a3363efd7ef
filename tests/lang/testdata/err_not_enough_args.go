package main

func f(a, b int) {}

func main() {
	f(1)
}

// ERROR 6:4: not enough arguments in call to f\n\thave (number)\n\twant (int, int)
