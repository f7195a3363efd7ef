package main

func main() {
	_ = map[string]int{"a": 1, "a": 2}
}

// ERROR 4:29: duplicate key "a" in map literal
