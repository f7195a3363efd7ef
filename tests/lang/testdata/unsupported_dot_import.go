package main

import . "fmt"

func main() {
	Println()
}

// CHANLAB 3:8: dot import is not supported by chanlab
