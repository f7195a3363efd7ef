package main

func main() {
	x := 1
}

// ERROR 4:2: declared and not used: x
