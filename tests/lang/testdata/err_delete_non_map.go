package main

func main() {
	x := []int{}
	delete(x, 1)
}

// ERROR 5:9: invalid argument: x (variable of type []int) is not a map
