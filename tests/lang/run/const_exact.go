// Untyped constants are exact, as in Go: 0.1+0.2 == 0.3, 1.0/3*3 == 1,
// intermediate values beyond float64's range, mixed int/float comparisons,
// typed constants rounded to their type, float32 rounding, and len of an
// array that must evaluate a receive or a call (so it is not constant).
package main

import (
	"fmt"
	"math"
)

const (
	a     = 0.1
	b     = 0.2
	c     = a + b
	third = 1.0 / 3
	big   = 1e300 * 1e300 / 1e300
	huge  = 1 << 100
	h2    = huge * 1.5 / (1 << 99)
	tiny  = 1e-30
	hexf  = 0x1.8p-2
	prec  = 1.000000000000000000000000000001
)

const f32 float32 = 0.1
const f64 float64 = 0.1
const typedSum = f64 + 0.2

var calls int

func arr() *[5]int {
	calls++
	return new([5]int)
}

func main() {
	fmt.Println(0.1+0.2 == 0.3, c == 0.3, 0.1+0.2)
	fmt.Println(third*3 == 1, third, 2.0 == 2, 1.5 > 1, 'a' == 97.0)
	fmt.Println(big, h2, tiny*1e30 == 1, hexf)
	fmt.Println(prec > 1, prec == 1, float64(prec) == 1)
	fmt.Println(f32, float64(f32), f64, typedSum, typedSum == 0.3)
	fmt.Println(math.Pi, math.Pi*2, 2*math.Pi/3)
	fmt.Println(1/3.0+1/3.0+1/3.0 == 1, 7.0/10 == 0.7, 1e23, 8.589973e9)
	fmt.Println(int64(1e18), int(1e3/8), 1e100/1e98)
	var x float32 = 16777217
	fmt.Println(x, float32(1)/3, 0.1*3)
	const e = 2.718281828459045235360287471352662497757247093699959574966967627724076630353
	fmt.Println(e, e*e)
	fmt.Println(math.MaxFloat64, math.SmallestNonzeroFloat64, math.MaxFloat32)
	ch := make(chan *[3]int, 1)
	ch <- nil
	n := len(<-ch) + len(arr())
	fmt.Println(n, len(ch), calls)
}

// Output:
// true true 0.3
// true 0.3333333333333333 true true true
// 1e+300 3 true 0.375
// true false true
// 0.1 0.10000000149011612 0.1 0.30000000000000004 false
// 3.141592653589793 6.283185307179586 2.0943951023931957
// true true 1e+23 8.589973e+09
// 1000000000000000000 125 100
// 1.6777216e+07 0.33333334 0.3
// 2.718281828459045 7.38905609893065
// 1.7976931348623157e+308 5e-324 3.4028234663852886e+38
// 8 0 1
