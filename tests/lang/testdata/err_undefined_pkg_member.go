package main

import (
	"fmt"
)

func main() {
	fmt.println("x")
}

// ERROR 8:6: undefined: fmt.println
