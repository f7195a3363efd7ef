package main

func main() {
	_ = 1__2
}

// ERROR 4:8: '_' must separate successive digits
