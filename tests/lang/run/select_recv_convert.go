package main

// A select case that receives into a variable of another (assignable)
// type: an interface, or a named type from an unnamed element type.

import "fmt"

type Ints []int

func main() {
	var i interface{}
	var e error
	var s Ints
	var ok bool
	c := make(chan int, 1)
	ce := make(chan *myErr, 1)
	cs := make(chan []int, 1)
	c <- 7
	select {
	case i = <-c:
	}
	fmt.Println(i, i == 7)
	ce <- &myErr{"boom"}
	select {
	case e, ok = <-ce:
	}
	fmt.Println(e, ok)
	cs <- []int{1, 2}
	select {
	case s = <-cs:
	}
	fmt.Printf("%T %v\n", s, s)
	close(c)
	select {
	case i, ok = <-c:
	}
	fmt.Println(i, ok)
}

type myErr struct{ s string }

func (m *myErr) Error() string { return m.s }

// Output:
// 7 true
// boom true
// main.Ints [1 2]
// 0 false
