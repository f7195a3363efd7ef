package main

import (
	"fmt"
)

type Node struct {
	Val  int
	Next *Node
}

func main() {
	n := &Node{1, nil}
	fmt.Printf("%v %+v\n", *n, *n)
	fmt.Println(n.Next == nil, fmt.Sprintf("%v", n)[:2])
	var np *Node
	fmt.Println(np)
	fmt.Printf("%v %s\n", []*int{nil}, []string(nil))
	type W struct{ P *int }
	fmt.Println(W{nil})
}

// Output:
// {1 <nil>} {Val:1 Next:<nil>}
// true &{
// <nil>
// [<nil>] []
// {<nil>}
