package main

func main() {
	s := "a"
	s++
}

// ERROR 5:2: invalid operation: s++ (non-numeric type string)
