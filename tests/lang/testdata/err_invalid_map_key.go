package main

func main() {
	var m map[[]int]int
	_ = m
}

// ERROR 4:12: invalid map key type []int
