package main

func f(a, b int) {}

func main() {
	f(1, 2
}

// ERROR 6:8: syntax error: unexpected newline in argument list; possibly missing comma or )
