package main

import (
	"fmt"
	"os"
)

func main() {
	defer fmt.Println("never")
	fmt.Println("exiting")
	os.Exit(3)
}

// Exit: 3
// Output:
// exiting
