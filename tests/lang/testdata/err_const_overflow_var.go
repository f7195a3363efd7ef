package main

func main() {
	var b int8 = 200
	_ = b
}

// ERROR 4:15: cannot use 200 (untyped int constant) as int8 value in variable declaration (overflows)
