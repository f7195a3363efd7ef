package main

import "fmt"

func main() {
	sum := 0
	for i := 1; i <= 10; i++ {
		if i%2 == 0 {
			continue
		}
		sum += i
	}
	fmt.Println(sum)
	n := 0
	for n < 5 {
		n += 2
	}
	fmt.Println(n)
outer:
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			if j == 2 {
				continue outer
			}
			if i == 2 {
				break outer
			}
			fmt.Println(i, j)
		}
	}
	for i := range 3 {
		fmt.Print(i)
	}
	fmt.Println()
	for i, c := range "héllo" {
		fmt.Print(i, ":", string(c), " ")
	}
	fmt.Println()
	arr := [3]int{1, 2, 3}
	for i, v := range arr {
		arr[2] = 100
		fmt.Print(i, v, " ")
	}
	fmt.Println(arr)
	m := map[string]int{"a": 1}
	for k, v := range m {
		fmt.Println(k, v)
	}
	var nilm map[int]int
	for range nilm {
		fmt.Println("never")
	}
}

// Output:
// 25
// 6
// 0 0
// 0 1
// 1 0
// 1 1
// 012
// 0:h 1:é 3:l 4:l 5:o 
// 0 1 1 2 2 3 [1 2 100]
// a 1
