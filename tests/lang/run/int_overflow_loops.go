package main

import (
	"fmt"
)

func main() {
	var i8 int8
	for i := 0; i < 200; i++ {
		i8++
	}
	fmt.Println(i8)
	var u16 uint16 = 1
	for i := 0; i < 17; i++ {
		u16 *= 2
	}
	fmt.Println(u16)
	h := uint32(2166136261)
	for _, c := range []byte("chanlab") {
		h ^= uint32(c)
		h *= 16777619
	}
	fmt.Println(h)
	var x int64 = 1
	for i := 0; i < 70; i++ {
		x *= 3
	}
	fmt.Println(x)
}

// Output:
// -56
// 0
// 1824649192
// 2293070008301402073
