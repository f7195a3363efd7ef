package main

func main() {
	go func() {}
}

// ERROR 4:5: expression in go must be function call
