package main

func main() {
	c := 1 + 2i
	_ = c
}

// CHANLAB 4:11: complex number is not supported by chanlab
