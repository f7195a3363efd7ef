package main

import (
	"fmt"
)

type List struct {
	head *elem
	n    int
}

type elem struct {
	v    int
	next *elem
}

func (l *List) Push(v int) { l.head = &elem{v, l.head}; l.n++ }

func (l *List) Reverse() {
	var prev *elem
	for cur := l.head; cur != nil; {
		next := cur.next
		cur.next = prev
		prev, cur = cur, next
	}
	l.head = prev
}

func (l *List) String() string {
	s := "["
	for e := l.head; e != nil; e = e.next {
		if e != l.head {
			s += " "
		}
		s += fmt.Sprint(e.v)
	}
	return s + "]"
}

func main() {
	l := &List{}
	for i := 0; i < 5; i++ {
		l.Push(i)
	}
	fmt.Println(l, l.n)
	l.Reverse()
	fmt.Println(l)
}

// Output:
// [4 3 2 1 0] 5
// [0 1 2 3 4]
