package main

import "fmt"

type Point struct{ X, Y int }

func (p Point) Add(q Point) Point { return Point{p.X + q.X, p.Y + q.Y} }
func (p *Point) Scale(k int)      { p.X *= k; p.Y *= k }
func (p Point) String() string    { return fmt.Sprintf("(%d,%d)", p.X, p.Y) }

type Named struct {
	Point
	Name string
}

type Counter int

func (c *Counter) Inc() { *c++ }

func main() {
	p := Point{1, 2}
	q := p
	q.X = 10
	fmt.Println(p, q, p.Add(q))
	p.Scale(3)
	fmt.Println(p)
	pp := &p
	pp.Scale(2)
	fmt.Println(*pp, pp.Add(Point{1, 1}))
	n := Named{Point{5, 6}, "n"}
	n.Scale(2)
	fmt.Println(n.X, n.Point, n.Name, n)
	var c Counter
	c.Inc()
	c.Inc()
	fmt.Println(c)
	f := p.Add
	p.X = 1000
	fmt.Println(f(Point{0, 0}))
	g := (*Point).Scale
	g(&p, 2)
	fmt.Println(p.X)
	arr := [2]Point{{1, 1}, {2, 2}}
	brr := arr
	brr[0].X = 99
	fmt.Println(arr, brr)
	ptrs := []*Point{{1, 2}, {3, 4}}
	for _, x := range ptrs {
		x.Scale(10)
	}
	fmt.Println(*ptrs[0], *ptrs[1])
	type local struct{ a, b int }
	fmt.Printf("%+v\n", local{1, 2})
}

// Output:
// (1,2) (10,2) (11,4)
// (3,6)
// (6,12) (7,13)
// 10 (10,12) n (10,12)
// 2
// (6,12)
// 2000
// [(1,1) (2,2)] [(99,1) (2,2)]
// (10,20) (30,40)
// {a:1 b:2}
