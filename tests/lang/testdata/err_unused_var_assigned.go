package main

func main() {
	x := 1
	x = 2
}

// ERROR 4:2: declared and not used: x
