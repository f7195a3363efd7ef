package main

import (
	"fmt"
	"sort"
)

func main() {
	m := map[int]int{}
	for i := 0; i < 100; i++ {
		m[i] = i * i
	}
	sum := 0
	for k, v := range m {
		if k%2 == 0 {
			delete(m, k)
		}
		sum += v
	}
	fmt.Println(sum, len(m))
	keys := make([]int, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Ints(keys)
	fmt.Println(keys[:5])
}

// Output:
// 328350 50
// [1 3 5 7 9]
