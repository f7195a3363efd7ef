package main

// A pointer method is not in the method set of T: T.m is rejected, (*T).m
// and methods promoted through an embedded pointer are fine.

type C int

func (*C) g() {}

type D int

func (*D) i() {}

type A struct {
	C
	*D
}

func main() {
	A.i(A{})
	(*A).g(&A{})
	A.g(A{})
	C.g(C(1))
}

// ERROR 22:4: invalid method expression A.g (needs pointer receiver (*A).g)
// ERROR 23:4: invalid method expression C.g (needs pointer receiver (*C).g)
