package main

import (
	"fmt"
	"strconv"
)

func main() {
	fmt.Println(strconv.Itoa(-42), strconv.FormatInt(255, 16), strconv.FormatInt(-8, 2))
	n, err := strconv.Atoi("123")
	fmt.Println(n, err)
	_, err = strconv.Atoi("12a")
	fmt.Println(err)
	_, err = strconv.ParseInt("99999999999999999999", 10, 64)
	fmt.Println(err)
	v, err := strconv.ParseInt("-ff", 16, 32)
	fmt.Println(v, err)
	f, err := strconv.ParseFloat("3.25", 64)
	fmt.Println(f, err)
	b, err := strconv.ParseBool("true")
	fmt.Println(b, err)
	fmt.Println(strconv.Quote("hi\n\"there\""), strconv.FormatFloat(1.5, 'f', 3, 64), strconv.FormatFloat(1234.5678, 'e', -1, 64))
	fmt.Println(strconv.FormatFloat(0.000001, 'g', -1, 64), strconv.FormatBool(false))
	u, err := strconv.Unquote(`"a\tb"`)
	fmt.Println(u, err)
}

// Output:
// -42 ff -1000
// 123 <nil>
// strconv.Atoi: parsing "12a": invalid syntax
// strconv.ParseInt: parsing "99999999999999999999": value out of range
// -255 <nil>
// 3.25 <nil>
// true <nil>
// "hi\n\"there\"" 1.500 1.2345678e+03
// 1e-06 false
// a	b <nil>
