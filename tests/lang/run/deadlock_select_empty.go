package main

func main() {
	select {}
}

// Exit: 2
// Stderr: fatal error: all goroutines are asleep - deadlock!
// Output:
