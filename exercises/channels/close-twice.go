// Closing a channel twice panics. Two parts of the program each believe
// they own the channel and both close it when they finish.
package main

import "fmt"

func finish(name string, done chan struct{}) {
	fmt.Println(name, "finished, closing done")
	close(done)
}

func main() {
	done := make(chan struct{})
	finish("loader", done)
	finish("indexer", done) // second close: panic
	<-done
	fmt.Println("unreachable")
}
