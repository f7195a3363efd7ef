package main

func f(a int) {}

func main() {
	f(1, 2)
}

// ERROR 6:7: too many arguments in call to f\n\thave (number, number)\n\twant (int)
