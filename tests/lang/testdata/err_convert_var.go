package main

func main() {
	var s string
	_ = int(s)
}

// ERROR 5:10: cannot convert s (variable of type string) to type int
