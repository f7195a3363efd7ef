package main

func main() {
	_ = 'ab'
}

// ERROR 4:6: more than one character in rune literal
