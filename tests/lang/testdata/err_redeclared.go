package main

func main() {
	var x int
	var x string
	_ = x
}

// ERROR 5:6: x redeclared in this block\n\tx.go:4:6: other declaration of x
