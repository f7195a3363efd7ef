package main

func f() {
	return 1
}

func main() { f() }

// ERROR 4:9: too many return values\n\thave (number)\n\twant ()
