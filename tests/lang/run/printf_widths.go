package main

import (
	"fmt"
)

func main() {
	fmt.Printf("|%8.3f|%-8.2f|%08.3f|%+.2e|\n", 3.14159, 2.5, -3.5, 12345.0)
	fmt.Printf("|%x|%X|%#x|%#o|%b|\n", -255, 3054, 255, 8, -5)
	fmt.Printf("|%-10v|%10v|\n", []int{1}, "s")
	fmt.Printf("|%5t|%-6t|\n", true, false)
	fmt.Printf("|%3c|%-4q|\n", 'x', 'y')
	fmt.Printf("|%.3s|%.0d|%.5d|\n", "abcdef", 0, 42)
	fmt.Printf("|%v|%v|\n", int8(-128), uint64(18446744073709551615))
	fmt.Printf("|%g|%g|%g|\n", 1e6, 1e-7, 123456789.0)
	fmt.Printf("|%.3g|%.10g|\n", 1234.5678, 1.0/3)
	var e error
	fmt.Printf("|%v|\n", e)
	fmt.Println(fmt.Sprintf("%05s|%-5s|", "ab", "cd"))
}

// Output:
// |   3.142|2.50    |-003.500|+1.23e+04|
// |-ff|BEE|0xff|010|-101|
// |[1         ]|         s|
// | true|false |
// |  x|'y' |
// |abc||00042|
// |-128|18446744073709551615|
// |1e+06|1e-07|1.23456789e+08|
// |1.23e+03|0.3333333333|
// |<nil>|
// 000ab|cd   |
