package main

// A program that imports nothing still panics with runtime.Error values:
// recover().(error) holds for index, nil map, division and type assertion
// failures, and local types of different functions are different types.

var X interface{}

type T struct{}

func try(f func()) (msg string) {
	defer func() {
		r := recover()
		if r == nil {
			return
		}
		e, ok := r.(error)
		if !ok {
			panic("recovered value is not an error")
		}
		msg = e.Error()
	}()
	f()
	return ""
}

func main() {
	var m map[int]int
	s := []int{1}
	i, z := 5, 0
	msgs := []string{
		try(func() { m[1] = 1 }),
		try(func() { _ = s[i] }),
		try(func() { _ = i / z }),
		try(func() {
			type T struct{}
			X = T{}
		}),
		try(func() { _ = X.(T) }),
	}
	for _, m := range msgs {
		println(m)
	}
}

// Stderr: assignment to entry in nil map
// Output:
