package main

func f() (int, error) {
	return 1
}

func main() { f() }

// ERROR 4:9: not enough return values\n\thave (number)\n\twant (int, error)
