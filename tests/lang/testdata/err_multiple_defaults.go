package main

func main() {
	switch {
	default:
	default:
	}
}

// ERROR 6:2: multiple defaults (first at x.go:5:2)
