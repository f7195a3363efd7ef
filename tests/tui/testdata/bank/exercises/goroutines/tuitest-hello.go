package main

import "fmt"

func main() {
	done := make(chan bool)
	go func() {
		fmt.Println("hello")
		done <- true
	}()
	<-done
}
