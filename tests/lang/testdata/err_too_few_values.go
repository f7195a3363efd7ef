package main

type T struct{ a, b int }

func main() {
	_ = T{1}
}

// ERROR 6:9: too few values in struct literal of type T
