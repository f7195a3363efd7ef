package main

import (
	"errors"
	"fmt"
)

func safeDiv(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	return a / b, nil
}

func index(xs []int, i int) (v int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = r.(error)
		}
	}()
	return xs[i], nil
}

func nested() {
	defer func() {
		r := recover()
		fmt.Println("outer recovered:", r)
	}()
	func() {
		defer func() {
			fmt.Println("inner sees:", recover())
			panic("second")
		}()
		panic("first")
	}()
}

func helper() interface{} { return recover() }

func notDirect() {
	defer func() {
		fmt.Println("helper got:", helper())
		fmt.Println("direct got:", recover())
	}()
	panic("p")
}

func main() {
	fmt.Println(safeDiv(7, 2))
	fmt.Println(safeDiv(1, 0))
	_, err := index([]int{1, 2, 3}, 5)
	fmt.Println(err)
	var re interface{ RuntimeError() }
	fmt.Println(errors.As(err, &re))
	nested()
	notDirect()
	fmt.Println(recover())
	func() {
		defer func() {
			r := recover()
			fmt.Printf("%T %v\n", r, r)
		}()
		var m map[string]int
		m["a"] = 1
	}()
	func() {
		defer func() {
			r := recover()
			fmt.Println(r)
		}()
		var i interface{} = "str"
		_ = i.(int)
	}()
	func() {
		defer func() { fmt.Println(recover()) }()
		var p *struct{ x int }
		fmt.Println(p.x)
	}()
	func() {
		defer func() { fmt.Println(recover()) }()
		panic(fmt.Sprintf("custom %d", 42))
	}()
	func() {
		defer func() { fmt.Println(recover()) }()
		a := []int{1, 2, 3}
		i := 5
		fmt.Println(a[1:i])
	}()
}

// Output:
// 3 <nil>
// 0 recovered: runtime error: integer divide by zero
// runtime error: index out of range [5] with length 3
// true
// inner sees: first
// outer recovered: second
// helper got: <nil>
// direct got: p
// <nil>
// runtime.plainError assignment to entry in nil map
// interface conversion: interface {} is string, not int
// runtime error: invalid memory address or nil pointer dereference
// custom 42
// runtime error: slice bounds out of range [:5] with capacity 3
