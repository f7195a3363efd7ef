package main

func main() {
	_ = 0b102
}

// ERROR 4:10: invalid digit '2' in binary literal
