package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Fprintln(os.Stdout, "to stdout", 1)
	fmt.Fprintf(os.Stdout, "%s=%d\n", "x", 2)
	n, err := fmt.Fprint(os.Stdout, "no newline")
	fmt.Println()
	fmt.Println(n, err)
	fmt.Println(len(os.Args) >= 1)
}

// Output:
// to stdout 1
// x=2
// no newline
// 10 <nil>
// true
