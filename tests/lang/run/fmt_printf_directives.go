package main

// Printf directives as Go parses them: explicit argument indexes (and
// BADINDEX), widths and precisions from arguments (BADWIDTH, BADPREC),
// MISSING, EXTRA and NOVERB, %w outside Errorf, map keys in fmtsort order,
// %T, and the padding rules of every verb.

import (
	"fmt"
	"time"
)

type lbl string

func (l lbl) String() string { return "L" + string(l) }

type hid struct {
	pub lbl
	Pub lbl
}

type k struct {
	A int
	B string
}

func main() {
	fmt.Printf("%d %d\n", 1)
	fmt.Printf("%d\n", 1, "x", 2.5)
	fmt.Printf("%!\n")
	fmt.Printf("%")
	fmt.Println()
	fmt.Printf("%-\n", 1)
	fmt.Printf("%[3]d %[0]d %[x]d\n", 1, 2)
	fmt.Printf("%[2]d %d %[1]d %d\n", 1, 2)
	fmt.Printf("%[3]*.[2]*[1]f|\n", 12.0, 2, 6)
	fmt.Printf("%*d|%-*d|%.*d|\n", "x", 1, -4, 2, 3, 7)
	fmt.Printf("%.*f\n", -1, 3.14159)
	fmt.Printf("%*d|\n", 10000000, 1)
	fmt.Printf("%v %v\n", hid{"a", "b"}, &hid{"c", "d"})
	fmt.Printf("%+v %#v\n", hid{"a", "b"}, hid{"a", "b"})
	fmt.Println(map[k]int{{2, "a"}: 1, {1, "b"}: 2, {1, "a"}: 3})
	fmt.Println(map[[2]int]string{{2, 1}: "x", {1, 2}: "y"})
	fmt.Println(map[float64]int{2: 1, -1: 2, 0.5: 3})
	fmt.Println(map[bool]int{true: 1, false: 0}, map[rune]bool{'b': true, 'a': false})
	fmt.Printf("%T %T %T %T %T\n", hid{}, &hid{}, []lbl{}, func(int) string { return "" }, make(chan<- int))
	fmt.Printf("%T %T %T\n", struct{ A int }{}, [3]*int{}, map[string][]error{})
	fmt.Printf("%v %s %d\n", time.Second*90, 1500*time.Millisecond, time.Minute)
	fmt.Printf("%5.1q|%-6q|%06d|%-06d|%+06.2f|%x|% x|%#x\n", "hello", 'x', -42, -42, 3.14159, "", "", "ab")
	fmt.Printf("%08.3e|%+.3e|% .3E\n", 1234.5678, -0.000123, 5e10)
	fmt.Printf("%3c|%-3c|%U|%#U\n", 'a', 'b', 'c', 'd')
	fmt.Printf("%t %v %08t\n", false, true, true)
	fmt.Printf("%v %d %s\n", []int(nil), map[string]int(nil), []string(nil))
	fmt.Printf("%q\n", []string{"a", "b\n"})
	fmt.Printf("%x %X\n", []string{"hi", "yo"}, [2]string{"a", "b"})
	fmt.Printf("%d %x %o\n", []int8{-1, 2}, []uint16{255, 4096}, [3]int{8, 9, 10})
	fmt.Printf("%6.2f|%-8.3v|%+d\n", []float64{1, 2.345}, []float64{3.14159}, []int{1, -1})
	fmt.Print("a", "b", 1, 2, true, "c", 3.5, nil, 'x', "\n")
	fmt.Print(1, 2, "\n")
	fmt.Print("x", 1, 2, "y\n")
	fmt.Println(fmt.Sprint(), fmt.Sprint(nil, nil), fmt.Sprint(1, nil, 2))
	var e error
	fmt.Println(e, fmt.Errorf("a %w b %w", fmt.Errorf("x"), fmt.Errorf("y")), fmt.Errorf("no wrap %d", 3), fmt.Errorf("%w", nil))
	fmt.Printf("%w\n", fmt.Errorf("z"))
	fmt.Printf("%v|%10v|%-10v|\n", struct{}{}, []int{1}, map[string]int{"a": 1})
	fmt.Printf("%s\n", struct {
		A string
		B []byte
		C error
	}{"a", []byte("b"), nil})
	type inner struct{ X, Y int }
	type outer struct {
		I  inner
		P  *inner
		S  []inner
		M  map[string]*inner
		Fn func()
	}
	fmt.Printf("%+v\n", outer{I: inner{1, 2}, S: []inner{{3, 4}}})
	fmt.Printf("%v\n", [][]string{{"a"}, nil, {}})
	fmt.Printf("%d%%|%c|%v\n", 50, 'é', 'é')
	fmt.Printf("%v %.3v %q\n", "日本語", "日本語", "日本語")
	fmt.Printf("%5.2s|%-5.2s|%.0s|\n", "日本語", "日本語", "x")
	fmt.Printf("%x|%X|% X|%#x|%# x\n", "日本", []byte{1, 171}, []byte{1, 171}, []byte{1, 171}, "ab")
	fmt.Printf("%010s|%-010s|%010q\n", "ab", "ab", "ab")
	fmt.Printf("%e %E %.0e\n", 0.0, 100.0, 15.0)
	fmt.Printf("%g %g %g %g %G\n", 1e-5, 1e-4, 123456789.0, 1e6, 1e-10)
	fmt.Printf("%.1g %.2g %.10g %.0g\n", 0.15, 1234.0, 1.0/3, 7.5)
}

// Output:
// 1 %!d(MISSING)
// 1
// %!(EXTRA string=x, float64=2.5)%!!(MISSING)
// %!(NOVERB)
// %!
// (int=1)%!d(BADINDEX) %!d(BADINDEX) %!d(BADINDEX)
// 2 %!d(MISSING) 1 2
//  12.00|
// %!(BADWIDTH)1|2   |007|
// %!(BADPREC)3.141590
// %!(BADWIDTH)1|
// {a Lb} &{c Ld}
// {pub:a Pub:Lb} main.hid{pub:"a", Pub:"b"}
// map[{1 a}:3 {1 b}:2 {2 a}:1]
// map[[1 2]:y [2 1]:x]
// map[-1:2 0.5:3 2:1]
// map[false:0 true:1] map[97:false 98:true]
// main.hid *main.hid []main.lbl func(int) string chan<- int
// struct { A int } [3]*int map[string][]error
// 1m30s 1.5s 60000000000
//   "h"|'x'   |-00042|-42   |+03.14|||0x6162
// 1.235e+03|-1.230e-04| 5.000E+10
//   a|b  |U+0063|U+0064 'd'
// false true 0000true
// [] map[] []
// ["a" "b\n"]
// [6869 796f] [61 62]
// [-1 2] [ff 1000] [10 11 12]
// [  1.00   2.35]|[3.14    ]|[+1 -1]
// ab1 2 truec3.5 <nil> 120
// 1 2
// x1 2y
//  <nil> <nil> 1 <nil> 2
// <nil> a x b y no wrap 3 %!w(<nil>)
// %!w(*errors.errorString=&{z})
// {}|[         1]|map[a         :1         ]|
// {a b <nil>}
// {I:{X:1 Y:2} P:<nil> S:[{X:3 Y:4}] M:map[] Fn:<nil>}
// [[a] [] []]
// 50%|é|233
// 日本語 日本語 "日本語"
//    日本|日本   ||
// e697a5e69cac|01AB|01 AB|0x01ab|0x61 0x62
// 00000000ab|ab        |000000"ab"
// 0.000000e+00 1.000000E+02 2e+01
// 1e-05 0.0001 1.23456789e+08 1e+06 1E-10
// 0.1 1.2e+03 0.3333333333 8
