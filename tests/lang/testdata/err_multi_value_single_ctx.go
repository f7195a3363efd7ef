package main

func f() (int, error) { return 1, nil }

func main() {
	_ = f() + 1
}

// ERROR 6:6: multiple-value f() (value of type (int, error)) in single-value context
