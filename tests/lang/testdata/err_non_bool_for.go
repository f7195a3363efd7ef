package main

func main() {
	for 1 {
	}
}

// ERROR 4:6: non-boolean condition in for statement
