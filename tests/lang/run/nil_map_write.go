package main

func main() {
	var m map[string]int
	m["x"] = 1
}

// Exit: 2
// Stderr: panic: assignment to entry in nil map
// Output:
