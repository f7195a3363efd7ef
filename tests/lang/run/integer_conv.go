package main

import (
	"fmt"
)

func main() {
	var f float64 = 3.99
	fmt.Println(int(f), int(-f), uint8(int(f)*100))
	x := 1000
	fmt.Println(int8(x), uint16(x*100), int32(int64(x)<<40))
	var u uint = 3
	var i int = -1
	fmt.Println(u<<62, i>>10, uint32(i), -5%3, 5%-3, -5/3)
	fmt.Println(float32(0.1)+float32(0.2), float64(float32(0.1)))
	var big int64 = 1 << 53
	fmt.Println(float64(big+1), int64(float64(big+1)))
	h := 0
	for _, c := range "hash" {
		h = h*31 + int(c)
	}
	fmt.Println(h, h%1000)
}

// Output:
// 3 -3 44
// -24 34464 0
// 13835058055282163712 -1 4294967295 -2 2 -1
// 0.3 0.10000000149011612
// 9.007199254740992e+15 9007199254740992
// 3195150 150
