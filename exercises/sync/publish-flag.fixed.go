// Publishing through a channel: close(ready) happens before the receive
// that observes it returns, so everything written before the close is
// visible after <-ready. No race, and no guessing with Sleep.
package main

import "fmt"

var msg string

func main() {
	ready := make(chan struct{})
	go func() {
		msg = "config loaded"
		close(ready) // publishes every write made before it
	}()
	<-ready
	fmt.Println(msg)
}
