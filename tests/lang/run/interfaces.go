package main

import (
	"errors"
	"fmt"
)

type Shape interface {
	Area() float64
	Name() string
}

type Rect struct{ W, H float64 }
type Circle struct{ R float64 }

func (r Rect) Area() float64    { return r.W * r.H }
func (r Rect) Name() string     { return "rect" }
func (c *Circle) Area() float64 { return 3 * c.R * c.R }
func (c *Circle) Name() string  { return "circle" }

func describe(i interface{}) string {
	switch v := i.(type) {
	case nil:
		return "nil"
	case int:
		return fmt.Sprintf("int %d", v)
	case string, []byte:
		return fmt.Sprintf("stringish %v", v)
	case error:
		return "error " + v.Error()
	case Shape:
		return "shape " + v.Name()
	default:
		return fmt.Sprintf("other %T", v)
	}
}

func main() {
	shapes := []Shape{Rect{2, 3}, &Circle{1}}
	total := 0.0
	for _, s := range shapes {
		total += s.Area()
		fmt.Println(s.Name(), s.Area())
	}
	fmt.Println(total)
	fmt.Println(describe(nil), describe(3), describe("x"), describe(errors.New("e")), describe(Rect{}), describe(2.5))
	var s Shape
	fmt.Println(s == nil)
	s = Rect{1, 1}
	r, ok := s.(Rect)
	fmt.Println(r, ok)
	c, ok := s.(*Circle)
	fmt.Println(c, ok)
	var a, b interface{} = 1, 1
	fmt.Println(a == b, a != "1")
	var e1 error
	var p *Circle
	var sh Shape = p
	fmt.Println(e1 == nil, sh == nil, sh != nil)
}

// Output:
// rect 6
// circle 3
// 9
// nil int 3 stringish x error e shape rect other float64
// true
// {1 1} true
// <nil> false
// true true
// true false true
