package main

func main() {
	_ = iota
}

// ERROR 4:6: cannot use iota outside constant declaration
