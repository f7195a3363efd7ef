package main

import "fmt"

func main() {
	var a int8 = 127
	a++
	var b uint8 = 0
	b--
	var c int32 = 1 << 30
	c *= 4
	var d uint16 = 65535
	d += 2
	var e int64 = 9223372036854775807
	e++
	var u uint = 0
	u--
	fmt.Println(a, b, c, d, e, u)
	x := -7
	fmt.Println(x/2, x%2, x>>1, uint32(x), int8(x), -x)
	var m int64 = -9223372036854775808
	fmt.Println(m/-1, m%-1)
	fmt.Println(1<<62, ^0, 5&^3, 6|1, 6^3)
}

// Output:
// -128 255 0 1 -9223372036854775808 18446744073709551615
// -3 -1 -4 4294967289 -7 7
// -9223372036854775808 0
// 4611686018427387904 -1 4 7 5
