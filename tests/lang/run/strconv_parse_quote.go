package main

// strconv's error texts and edge cases: bad base and bit size, overflow
// found before a bad digit, underscores, hexadecimal floats, Unquote of
// every literal form, and QuoteRune of non-printable runes.

import (
	"fmt"
	"strconv"
)

func main() {
	_, err := strconv.ParseInt("5", 1, 64)
	fmt.Println(err)
	_, err = strconv.ParseUint("5", 10, 65)
	fmt.Println(err)
	_, err = strconv.ParseInt("", 99, 64)
	fmt.Println(err)
	fmt.Println(strconv.ParseInt("0x1p-2", 36, 8))
	fmt.Println(strconv.ParseInt("1_000", 0, 64))
	fmt.Println(strconv.ParseInt("1__0", 0, 64))
	fmt.Println(strconv.ParseInt("1_000", 10, 64))
	fmt.Println(strconv.ParseUint("300", 10, 8))
	fmt.Println(strconv.ParseInt("-129", 10, 8))
	fmt.Println(strconv.ParseFloat("0x1f", 64))
	fmt.Println(strconv.ParseFloat("0x1.8p1", 64))
	fmt.Println(strconv.ParseFloat("1_000.5", 64))
	fmt.Println(strconv.ParseFloat("-nan", 64))
	fmt.Println(strconv.ParseFloat("1e400", 64))
	for _, q := range []string{`"a"`, "`raw`", `'x'`, `''`, `'ab'`, `"bad`, `"\x41\101\u00e9\U0001F600"`, `"\400"`, `"\z"`, "`a\rb`", `"\'"`, `'\"'`} {
		s, err := strconv.Unquote(q)
		fmt.Printf("%q -> %q %v\n", q, s, err)
	}
	for _, r := range []rune{0xa0, 0xad, 0x378, 0x2028, 0xe000, 0x1f600, 0x10ffff} {
		fmt.Print(strconv.QuoteRune(r), " ")
	}
	fmt.Println(strconv.Quote("\u00a0x\u200b"), strconv.CanBackquote("a`b"), strconv.CanBackquote("tab\there"))
}


// Output:
// strconv.ParseInt: parsing "5": invalid base 1
// strconv.ParseUint: parsing "5": invalid bit size 65
// strconv.ParseInt: parsing "": invalid syntax
// 127 strconv.ParseInt: parsing "0x1p-2": value out of range
// 1000 <nil>
// 0 strconv.ParseInt: parsing "1__0": invalid syntax
// 0 strconv.ParseInt: parsing "1_000": invalid syntax
// 255 strconv.ParseUint: parsing "300": value out of range
// -128 strconv.ParseInt: parsing "-129": value out of range
// 0 strconv.ParseFloat: parsing "0x1f": invalid syntax
// 3 <nil>
// 1000.5 <nil>
// 0 strconv.ParseFloat: parsing "-nan": invalid syntax
// +Inf strconv.ParseFloat: parsing "1e400": value out of range
// "\"a\"" -> "a" <nil>
// "`raw`" -> "raw" <nil>
// "'x'" -> "x" <nil>
// "''" -> "" <nil>
// "'ab'" -> "" invalid syntax
// "\"bad" -> "" invalid syntax
// "\"\\x41\\101\\u00e9\\U0001F600\"" -> "AAé😀" <nil>
// "\"\\400\"" -> "" invalid syntax
// "\"\\z\"" -> "" invalid syntax
// "`a\rb`" -> "ab" <nil>
// "\"\\'\"" -> "" invalid syntax
// "'\\\"'" -> "" invalid syntax
// '\u00a0' '\u00ad' '\u0378' '\u2028' '\ue000' '😀' '\U0010ffff' "\u00a0x\u200b" false true
