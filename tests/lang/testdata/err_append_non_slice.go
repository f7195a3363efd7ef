package main

func main() {
	x := 1
	_ = append(x, 1)
}

// ERROR 5:13: first argument to append must be a slice; have x (variable of type int)
