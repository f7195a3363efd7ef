package main

func main() {
	var i8 int8
	_ = i8 + 1000
}

// ERROR 5:11: 1000 (untyped int constant) overflows int8
