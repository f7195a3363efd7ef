package main

func main() {
	@
}

// ERROR 4:2: invalid character U+0040 '@'
