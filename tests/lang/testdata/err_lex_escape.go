package main

func main() {
	_ = "\q"
}

// ERROR 4:8: unknown escape
