package main

func main() {
	s := []int{}
	len(s)
}

// ERROR 5:2: len(s) (value of type int) is not used
