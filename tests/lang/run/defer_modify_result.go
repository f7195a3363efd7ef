package main

import (
	"fmt"
)

func triple() (n int) {
	defer func() { n *= 3 }()
	n = 2
	return
}

func withErr() (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("caught: %v", r)
		}
	}()
	var a []int
	_ = a[3]
	return nil
}

func main() {
	fmt.Println(triple())
	fmt.Println(withErr())
}

// Output:
// 6
// caught: runtime error: index out of range [3] with length 0
