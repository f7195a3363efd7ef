package main

import (
	"fmt"
)

type Logger struct{ prefix string }

func (l *Logger) Log(s string) { fmt.Println(l.prefix + s) }

type Service struct {
	*Logger
	Name string
}

type Base struct{ ID int }

func (b Base) Describe() string { return fmt.Sprint("base ", b.ID) }

type Derived struct {
	Base
	ID int
}

func main() {
	s := Service{&Logger{"[svc] "}, "api"}
	s.Log("started " + s.Name)
	d := Derived{Base{1}, 2}
	fmt.Println(d.ID, d.Base.ID, d.Describe())
	fmt.Printf("%+v\n", d)
}

// Output:
// [svc] started api
// 2 1 base 1
// {Base:{ID:1} ID:2}
