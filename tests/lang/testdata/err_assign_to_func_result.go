package main

func f() int { return 1 }

func main() {
	f() = 2
}

// ERROR 6:2: cannot assign to f() (neither addressable nor a map index expression)
