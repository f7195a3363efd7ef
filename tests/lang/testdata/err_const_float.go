package main

import "fmt"

const big = 1e400

func main() {
	var f = big
	x := big
	fmt.Println(big)
	_ = int8(128.0)
	var y float64 = 1.5
	y = big
	_, _ = x, f
	const z = 1.0 / 3
	var i int = z * 2
	var j uint8 = -0.0000001
	var h int8 = 0.5 + 127.5
	var k int = 1.0 / 3
	_, _, _, _, _ = y, i, j, h, k
	_ = 1 / (0.1 + 0.2 - 0.3)
	var ok int = 0.1*10 + 0.7*10 + 1e400/1e399
	_ = ok
}

// ERROR 8:10: cannot use big (untyped float constant 1e+400) as float64 value in variable declaration (overflows)
// ERROR 9:7: cannot use big (untyped float constant 1e+400) as float64 value in assignment (overflows)
// ERROR 10:14: cannot use big (untyped float constant 1e+400) as float64 value in argument to fmt.Println (overflows)
// ERROR 11:11: cannot convert 128.0 (untyped float constant 128) to type int8
// ERROR 13:6: cannot use big (untyped float constant 1e+400) as float64 value in assignment (overflows)
// ERROR 16:14: cannot use z * 2 (untyped float constant 0.666667) as int value in variable declaration (truncated)
// ERROR 17:16: cannot use -0.0000001 (untyped float constant -1e-07) as uint8 value in variable declaration (truncated)
// ERROR 18:15: cannot use 0.5 + 127.5 (untyped float constant 128) as int8 value in variable declaration (truncated)
// ERROR 19:14: cannot use 1.0 / 3 (untyped float constant 0.333333) as int value in variable declaration (truncated)
// ERROR 21:10: invalid operation: division by zero
