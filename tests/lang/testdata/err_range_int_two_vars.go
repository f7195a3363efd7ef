package main

func main() {
	for i, j := range 10 {
		_, _ = i, j
	}
}

// ERROR 4:9: range over 10 (untyped int constant) permits only one iteration variable
