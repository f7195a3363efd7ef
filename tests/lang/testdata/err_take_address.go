package main

func f() int { return 1 }

func main() {
	_ = &f()
}

// ERROR 6:7: invalid operation: cannot take address of f() (value of type int)
