package main

func main() {
	ch := make(chan int)
	ch <- "s"
}

// ERROR 5:8: cannot use "s" (untyped string constant) as int value in send
