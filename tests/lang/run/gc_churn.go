package main

import (
	"fmt"
)

type big struct{ data [64]int }

func main() {
	total := 0
	var keep []*big
	for i := 0; i < 20000; i++ {
		b := &big{}
		b.data[i%64] = i
		total += b.data[i%64]
		if i%1000 == 0 {
			keep = append(keep, b)
		}
		s := make([]string, 10)
		s[0] = fmt.Sprint(i)
		_ = s
	}
	fmt.Println(total, len(keep), keep[3].data[0])
}

// Output:
// 199990000 20 0
