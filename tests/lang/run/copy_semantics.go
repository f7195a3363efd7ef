package main

import (
	"fmt"
)

type Inner struct{ V []int; N int }
type Outer struct {
	In  Inner
	Arr [2]int
}

func modify(o Outer) { o.In.N = 100; o.Arr[0] = 100; o.In.V[0] = 100 }

func main() {
	o := Outer{Inner{[]int{1}, 1}, [2]int{1, 1}}
	modify(o)
	fmt.Println(o)
	p := o
	p.In.N = 7
	fmt.Println(o.In.N, p.In.N)
	arr := []Outer{o}
	arr[0].Arr[1] = 9
	fmt.Println(o.Arr, arr[0].Arr)
	q := &arr[0]
	q.In.N = 55
	fmt.Println(arr[0].In.N)
	x := o.In
	x.N = -1
	fmt.Println(o.In.N)
}

// Output:
// {{[100] 1} [1 1]}
// 1 7
// [1 1] [1 9]
// 55
// 1
