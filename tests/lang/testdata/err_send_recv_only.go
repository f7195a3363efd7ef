package main

func main() {
	var ch <-chan int
	ch <- 1
}

// ERROR 5:2: invalid operation: cannot send to receive-only channel ch (variable of type <-chan int)
