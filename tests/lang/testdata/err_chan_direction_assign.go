package main

func main() {
	var r <-chan int
	var c chan int = r
	_ = c
}

// ERROR 5:19: cannot use r (variable of type <-chan int) as chan int value in variable declaration
