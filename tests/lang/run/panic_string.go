package main

func main() {
	defer println("deferred runs")
	panic("boom")
}

// Exit: 2
// Stderr: deferred runs
// Output:
