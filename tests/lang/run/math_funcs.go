package main

import (
	"fmt"
	"math"
)

func main() {
	fmt.Println(math.Abs(-2.5), math.Max(3, 7), math.Min(3, 7), math.Pow(2, 10))
	fmt.Println(math.Ceil(1.2), math.Trunc(-1.7), math.Mod(7, 3), math.Hypot(3, 4))
	fmt.Println(math.IsNaN(math.NaN()), math.IsInf(math.Inf(-1), -1), math.MaxInt64, math.MinInt64)
	fmt.Println(math.MaxUint32, math.MaxInt8, math.Log(math.E), math.Log2(8), math.Log10(1000))
	fmt.Printf("%.4f %.4f\n", math.Sin(math.Pi/2), math.Cos(0))
}

// Output:
// 2.5 7 3 1024
// 2 -1 1 5
// true true 9223372036854775807 -9223372036854775808
// 4294967295 127 1 3 3
// 1.0000 1.0000
