package main

func main() {
	x := 1
	<-x
}

// ERROR 5:4: invalid operation: cannot receive from non-channel x (variable of type int)
