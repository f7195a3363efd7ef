package main

func f(x int) int {
	switch x {
	case 1:
		return 1
	}
}

func main() { _ = f(1) }

// ERROR 8:1: missing return
