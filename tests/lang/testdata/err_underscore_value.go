package main

func main() {
	x := _
	_ = x
}

// ERROR 4:7: cannot use _ as value or type
