package main

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
)

const (
	A = iota
	B
	C
	_
	E
)

const big = 1 << 40

type Weekday int

const (
	Sunday Weekday = iota
	Monday
)

func (d Weekday) String() string {
	switch d {
	case Sunday:
		return "Sunday"
	case Monday:
		return "Monday"
	}
	return "day" + strconv.Itoa(int(d))
}

type Point struct {
	X, Y int
}

func (p Point) Add(q Point) Point { return Point{p.X + q.X, p.Y + q.Y} }
func (p *Point) Scale(k int)      { p.X *= k; p.Y *= k }

type Named struct {
	Point
	Name string
}

type Shape interface {
	Area() float64
}

type Rect struct{ W, H float64 }

func (r Rect) Area() float64 { return r.W * r.H }

var ErrEmpty = errors.New("empty")

func divide(a, b int) (q int, err error) {
	if b == 0 {
		err = errors.New("division by zero")
		return
	}
	q = a / b
	return
}

func sum(xs ...int) int {
	total := 0
	for _, x := range xs {
		total += x
	}
	return total
}

func apply(f func(int) int, x int) int { return f(x) }

func counter() func() int {
	n := 0
	return func() int {
		n++
		return n
	}
}

func main() {
	var arr [3]int
	arr[0] = 1
	s := arr[:]
	s = append(s, 4, 5)
	s2 := make([]int, 0, 10)
	s2 = append(s2, s...)
	copy(s2, s)
	m := map[string]int{"a": 1}
	m["b"] = 2
	if v, ok := m["a"]; ok {
		fmt.Println(v)
	}
	delete(m, "a")
	clear(m)
	p := Point{1, 2}
	p.Scale(2)
	q := p.Add(Point{X: 1})
	n := Named{Point: q, Name: "n"}
	fmt.Println(n.X, n.Point.Y, len(s), cap(s2), A, B, C, E, big)
	var sh Shape = Rect{2, 3}
	if r, ok := sh.(Rect); ok {
		fmt.Printf("%v %.1f\n", r, sh.Area())
	}
	switch v := sh.(type) {
	case Rect:
		fmt.Println("rect", v.W)
	case nil:
		fmt.Println("nil")
	default:
		fmt.Println(v)
	}
	if q, err := divide(4, 0); err != nil {
		fmt.Println(err, q)
	}
	fmt.Println(sum(1, 2, 3), apply(func(x int) int { return x * x }, 3))
	c := counter()
	c()
	fmt.Println(c(), Monday, Weekday(7))
	x := 10
	ptr := &x
	*ptr += 5
	x++
	x--
	x <<= 1
	b := byte('a')
	r := rune(b) + 1
	str := string(r) + strings.Repeat("-", 2)
	bs := []byte(str)
	fmt.Println(x, str, bs, min(1, 2, 3), max(2.5, 1))
outer:
	for i := 0; i < 3; i++ {
		for j := range 3 {
			if j == 2 {
				continue outer
			}
			if i == 2 {
				break outer
			}
		}
	}
	for i, ch := range "héllo" {
		_, _ = i, ch
	}
	k := 0
	for k < 3 {
		k++
	}
	for {
		break
	}
	switch {
	case k > 2:
		fallthrough
	case k > 1:
		fmt.Println("big")
	default:
	}
	func() {
		defer func() {
			if r := recover(); r != nil {
				fmt.Println("recovered", r)
			}
		}()
		panic("boom")
	}()
	var f32 float32 = 1.5
	var u8 uint8 = 255
	var i64 int64 = -1 << 63
	_ = float64(f32) + float64(u8) + float64(i64)
	var e error = ErrEmpty
	if errors.Is(e, ErrEmpty) {
		fmt.Fprintln(os.Stderr, "empty")
	}
	var iface any = p
	_, _ = iface.(fmt.Stringer)
	print("x", 1, "\n")
	println(true, 2.5)
	type local struct{ a int }
	_ = local{a: 1}
	var matrix [2][2]int
	matrix[1][1] = 3
	grid := [][]string{{"a"}, {"b", "c"}}
	pts := []*Point{{1, 2}, {3, 4}}
	mp := map[Point]string{{1, 2}: "a"}
	arr2 := [...]int{5: 1, 2}
	fmt.Println(matrix, grid, pts[0].X, mp, len(arr2))
	if len(os.Args) > 5 {
		os.Exit(3)
	}
}
