package main

func main() {
L:
	for {
	}
}

// ERROR 4:1: label L defined and not used
