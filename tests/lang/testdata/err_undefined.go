package main

func main() {
	foo()
}

// ERROR 4:2: undefined: foo
