package main

import (
	"fmt"
	"math"
)

func main() {
	fs := []float64{0, 1, -1, 0.1, 1.0 / 3, 2.0 / 3, 100, 123456, 1234567, 1e20, 1e21, 1e-4, 1e-5, 3.14159265358979, math.Inf(1), math.Inf(-1), math.NaN(), 5e-324, math.MaxFloat64}
	for _, f := range fs {
		fmt.Println(f)
		fmt.Printf("%v %g %e %f %.2f %8.3f %-8.1f| %G %E\n", f, f, f, f, f, f, f, f, f)
	}
	var f32 float32 = 0.1
	fmt.Println(f32, float64(f32), f32*3)
	fmt.Printf("%6.2f|%+.1e|%x\n", 3.14159, 12345.678, 255)
	fmt.Println(math.Sqrt(2), math.Floor(-2.5), math.Round(2.5), math.Pi)
}
