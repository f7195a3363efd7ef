package main

type I interface{ M() }

func main() {
	var i I
	_ = i.(int)
}

// ERROR 7:6: impossible type assertion: i.(int)\n\tint does not implement I (missing method M)
