package main

type I interface{ M() }

type S struct{}

func (*S) M() {}

func main() {
	var i I = S{}
	_ = i
}

// ERROR 10:12: cannot use S{} (value of type S) as I value in variable declaration: S does not implement I (method M has pointer receiver)
