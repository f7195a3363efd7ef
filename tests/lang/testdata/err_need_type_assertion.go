package main

func main() {
	var a any = 1
	var s string = a
	_ = s
}

// ERROR 5:17: cannot use a (variable of type any) as string value in variable declaration: need type assertion
