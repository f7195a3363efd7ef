package main

func main() {
	_ = len
}

// ERROR 4:6: len (built-in) must be called
