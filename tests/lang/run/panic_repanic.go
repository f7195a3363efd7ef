package main

import "fmt"

func main() {
	defer func() {
		r := recover()
		fmt.Println("caught", r)
		panic(fmt.Sprint("again: ", r))
	}()
	panic("first")
}
