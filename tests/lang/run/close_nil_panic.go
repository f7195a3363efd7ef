package main

func main() {
	var ch chan int
	close(ch)
}

// Exit: 2
// Stderr: panic: close of nil channel
// Output:
