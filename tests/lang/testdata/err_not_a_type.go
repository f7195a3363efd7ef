package main

func main() {
	x := 1
	var y x
	_ = y
}

// ERROR 5:8: x is not a type
