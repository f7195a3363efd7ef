package main

func main() {
	var ch <-chan int
	close(ch)
}

// ERROR 5:8: invalid operation: cannot close receive-only channel ch (variable of type <-chan int)
