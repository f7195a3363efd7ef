package main

func main() {
	ch := make(chan int)
	close(ch)
	ch <- 1
}

// Exit: 2
// Stderr: panic: send on closed channel
// Output:
