package main

func main() {
	s := "abc"
	s[0] = 1
}

// ERROR 5:2: cannot assign to s[0] (neither addressable nor a map index expression)
