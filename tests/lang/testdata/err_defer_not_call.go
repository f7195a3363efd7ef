package main

func main() {
	defer 1
}

// ERROR 4:8: expression in defer must be function call
