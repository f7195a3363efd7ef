package main

type T struct{ f int }

func main() {
	m := map[string]T{}
	m["a"].f = 1
}

// ERROR 7:2: cannot assign to struct field m["a"].f in map
