package main

import (
	"fmt"
)

func main() {
	count := 0
outer:
	for i := 0; i < 5; i++ {
		switch {
		case i == 1:
			continue outer
		case i == 4:
			break outer
		}
		inner:
		for j := 0; j < 5; j++ {
			if j == 3 {
				break inner
			}
			count++
		}
	}
	fmt.Println(count)
}

// Output:
// 9
