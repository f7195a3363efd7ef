package main

type T struct{ v int }

func main() {
	var t *T
	println(t.v)
}

// Exit: 2
// Stderr: panic: runtime error: invalid memory address or nil pointer dereference
// Output:
