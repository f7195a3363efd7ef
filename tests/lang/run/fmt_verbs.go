package main

import "fmt"

type T struct {
	A int
	B string
	c []int
}

type S string

func (s S) String() string { return "S<" + string(s) + ">" }

type E struct{ code int }

func (e *E) Error() string { return fmt.Sprintf("error %d", e.code) }

func main() {
	t := T{1, "x", []int{1, 2}}
	fmt.Printf("%v|%+v|%T\n", t, t, t)
	fmt.Printf("%v|%+v\n", &t, &t)
	fmt.Printf("%d|%5d|%-5d|%05d|%x|%X|%o|%b|%c|%q|%U\n", 42, 42, 42, 42, 255, 255, 8, 5, 'A', 'B', 0x1F600)
	fmt.Printf("%s|%10s|%-10s|%.2s|%q|%x\n", "go", "go", "go", "gopher", "a\"b\n", "hi")
	fmt.Printf("%t|%v|%p\n", true, false, nil)
	fmt.Printf("%v %s\n", S("a"), S("b"))
	var err error = &E{7}
	fmt.Println(err)
	fmt.Printf("%v|%s|%d\n", err, err, 3)
	fmt.Printf("%d %s\n", "str", 5)
	fmt.Printf("%d\n")
	fmt.Printf("%d\n", 1, 2)
	fmt.Printf("%%|%5.1f%%\n", 99.5)
	fmt.Printf("%T %T %T %T %T %T\n", 1, "s", 2.0, []string{}, map[string]int{}, err)
	fmt.Printf("%T %T %T\n", struct{}{}, func(int) string { return "" }, make(chan int))
	fmt.Printf("%v %v\n", []string{"a", "b"}, [2]bool{true})
	fmt.Printf("%q\n", []string{"a", "b"})
	fmt.Printf("%x % x %X\n", []byte("abc"), []byte("abc"), "xyz")
	fmt.Printf("%+d %+d % d\n", 5, -5, 5)
	fmt.Printf("%*d|%-*d|\n", 5, 1, 4, 2)
	fmt.Printf("%6.2v|\n", 3.14159)
	fmt.Println(fmt.Sprint("a", 1, 2, "b", "c", 3.5, nil))
	fmt.Println(fmt.Sprintln("x", 1) + "|")
	var ip *int
	fmt.Println(ip == nil, fmt.Sprint(ip))
	var m map[string]int
	var s []int
	var i interface{}
	fmt.Println(m, s, i)
	fmt.Printf("%v %d\n", []interface{}{1, "a", nil, 2.5}, []int{1, 2})
}

// Output:
// {1 x [1 2]}|{A:1 B:x c:[1 2]}|main.T
// &{1 x [1 2]}|&{A:1 B:x c:[1 2]}
// 42|   42|42   |00042|ff|FF|10|101|A|'B'|U+1F600
// go|        go|go        |go|"a\"b\n"|6869
// true|false|%!p(<nil>)
// S<a> S<b>
// error 7
// error 7|error 7|3
// %!d(string=str) %!s(int=5)
// %!d(MISSING)
// 1
// %!(EXTRA int=2)%| 99.5%
// int string float64 []string map[string]int *main.E
// struct {} func(int) string chan int
// [a b] [true false]
// ["a" "b"]
// 616263 61 62 63 78797A
// +5 -5  5
//     1|2   |
//    3.1|
// a1 2bc3.5 <nil>
// x 1
// |
// true <nil>
// map[] [] <nil>
// [1 a <nil> 2.5] [1 2]
