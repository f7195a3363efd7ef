package main

import "fmt"

func classify(n int) string {
	switch {
	case n < 0:
		return "neg"
	case n == 0:
		return "zero"
	case n < 10:
		return "small"
	}
	return "big"
}

func main() {
	for _, n := range []int{-1, 0, 5, 50} {
		fmt.Println(n, classify(n))
	}
	switch x := 2; x {
	case 1:
		fmt.Println("one")
	case 2, 3:
		fmt.Println("two or three")
		fallthrough
	case 4:
		fmt.Println("fell into four")
	case 5:
		fmt.Println("five")
	default:
		fmt.Println("default")
	}
	s := "b"
	switch s {
	case "a":
	case "b":
		fmt.Println("b!")
	}
loop:
	for i := 0; ; i++ {
		switch {
		case i == 2:
			continue
		case i > 4:
			break loop
		}
		fmt.Println("i", i)
	}
}

// Output:
// -1 neg
// 0 zero
// 5 small
// 50 big
// two or three
// fell into four
// b!
// i 0
// i 1
// i 3
// i 4
