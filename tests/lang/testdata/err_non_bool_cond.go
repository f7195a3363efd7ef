package main

func main() {
	if 1 {
	}
}

// ERROR 4:5: non-boolean condition in if statement
