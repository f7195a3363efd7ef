package main

import (
	"fmt"
)

type MyErr struct{}

func (*MyErr) Error() string { return "my error" }

func mayFail(fail bool) error {
	var e *MyErr
	if fail {
		e = &MyErr{}
	}
	return e
}

func main() {
	err := mayFail(false)
	fmt.Println(err == nil, err != nil)
	var direct error
	fmt.Println(direct == nil)
	fmt.Printf("%T %v\n", err, err == (*MyErr)(nil))
}

// Output:
// false true
// true
// *main.MyErr true
