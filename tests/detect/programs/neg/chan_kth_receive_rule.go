// want: none
// The Go memory model: on a channel of capacity C, the k-th receive happens
// before the (k+C)-th send completes. Here C = 2: main's third send can only
// complete after the worker's first receive, so main may read what the
// worker wrote before that receive.
package main

import "fmt"

func main() {
	tokens := make(chan int, 2)
	tokens <- 1 // send 1
	tokens <- 2 // send 2: the buffer is full
	note := ""
	go func() {
		note = "written before receive 1"
		<-tokens // receive 1
	}()
	tokens <- 3 // send 3 = 1 + C: completes after receive 1
	fmt.Println(note)
	<-tokens
	<-tokens
}
