// want: race 1
// The worker signals that it is done before its last write: main's write
// after the receive is not ordered with the worker's write after the send.
package main

import "fmt"

func main() {
	result := 0
	done := make(chan bool)
	fin := make(chan bool)
	go func() {
		result = 1
		done <- true
		result = 2 // BUG: after the signal
		fin <- true
	}()
	<-done
	result = 3
	<-fin
	fmt.Println("finished:", result > 1)
}
