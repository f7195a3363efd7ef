package main

func main() {
	var ch chan<- int
	<-ch
}

// ERROR 5:4: invalid operation: cannot receive from send-only channel ch (variable of type chan<- int)
