package main

func main() {
	var s struct{ f int }
	_ = s.g
}

// ERROR 5:8: s.g undefined (type struct{f int} has no field or method g)
