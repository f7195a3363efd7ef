package main

func main() {
	if true {
	}
	else {
	}
}

// ERROR 6:2: syntax error: unexpected else, expected }
