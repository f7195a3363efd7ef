package main

func main() {
	var s []int
	_ = s.foo
}

// ERROR 5:8: s.foo undefined (type []int has no field or method foo)
