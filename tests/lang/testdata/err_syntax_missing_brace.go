package main

func main() {
	x := 1 +
}

// ERROR 5:1: syntax error: unexpected }, expected expression
