package main

type I interface{ I }

type J interface{ K }
type K interface{ J }

func main() {
	var i I
	_ = i
}

// ERROR 3:6: invalid recursive type: I refers to itself
// ERROR 5:6: invalid recursive type J\n\tx.go:5:6: J refers to\n\tx.go:6:6: K refers to\n\tx.go:5:6: J
