package main

type I interface{ M() }

type S struct{}

func main() {
	var i I = S{}
	_ = i
}

// ERROR 8:12: cannot use S{} (value of type S) as I value in variable declaration: S does not implement I (missing method M)
