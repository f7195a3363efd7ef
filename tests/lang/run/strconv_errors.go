package main

import (
	"errors"
	"fmt"
	"strconv"
)

func main() {
	for _, s := range []string{"42", "-7", "0x1f", "1e3", "", "9223372036854775808"} {
		n, err := strconv.Atoi(s)
		fmt.Println(n, err)
	}
	v, err := strconv.ParseInt("0x1f", 0, 64)
	fmt.Println(v, err)
	u, err := strconv.ParseUint("300", 10, 8)
	fmt.Println(u, err)
	f, err := strconv.ParseFloat("abc", 64)
	fmt.Println(f, err)
	var ne *strconv.NumError
	_, err = strconv.Atoi("x")
	fmt.Println(errors.As(err, &ne), ne.Func, errors.Is(err, strconv.ErrSyntax))
}

// Output:
// 42 <nil>
// -7 <nil>
// 0 strconv.Atoi: parsing "0x1f": invalid syntax
// 0 strconv.Atoi: parsing "1e3": invalid syntax
// 0 strconv.Atoi: parsing "": invalid syntax
// 9223372036854775807 strconv.Atoi: parsing "9223372036854775808": value out of range
// 31 <nil>
// 255 strconv.ParseUint: parsing "300": value out of range
// 0 strconv.ParseFloat: parsing "abc": invalid syntax
// true Atoi true
