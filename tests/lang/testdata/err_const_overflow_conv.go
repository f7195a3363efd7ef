package main

func main() {
	_ = int8(300)
}

// ERROR 4:11: constant 300 overflows int8
