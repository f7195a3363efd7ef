package main

func main() {
	_ = map[string]int{1}
}

// ERROR 4:21: missing key in map literal
