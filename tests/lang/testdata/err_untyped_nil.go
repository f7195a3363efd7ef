package main

func main() {
	x := nil
	_ = x
}

// ERROR 4:7: use of untyped nil in assignment
