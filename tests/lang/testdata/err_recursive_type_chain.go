package main

type T T

type A B
type B A

type S struct {
	x struct{ s S }
}

type P struct {
	a [0]P
}

type I interface{ M() I }

type Q struct{ i I2 }
type I2 interface{ M(Q) }

func main() {
	var s S
	_ = s
}

// ERROR 3:6: invalid recursive type: T refers to itself
// ERROR 5:6: invalid recursive type A\n\tx.go:5:6: A refers to\n\tx.go:6:6: B refers to\n\tx.go:5:6: A
// ERROR 8:6: invalid recursive type: S refers to itself
// ERROR 12:6: invalid recursive type: P refers to itself
