package main

func f(x int) int {
	if x > 0 {
		return 1
	}
}

func main() { _ = f(1) }

// ERROR 7:1: missing return
