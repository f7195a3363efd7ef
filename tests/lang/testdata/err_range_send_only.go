package main

func main() {
	var ch chan<- int
	for v := range ch {
		_ = v
	}
}

// ERROR 5:17: cannot range over ch (variable of type chan<- int): receive from send-only channel
