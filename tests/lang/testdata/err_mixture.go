package main

type T struct{ a, b int }

func main() {
	_ = T{a: 1, 2}
}

// ERROR 6:14: mixture of field:value and value elements in struct literal
