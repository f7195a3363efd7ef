// want: none
// A value built by one goroutine is handed to another over an unbuffered
// channel: the send happens before the receive completes, so the receiver
// may read everything written before the send.
package main

import "fmt"

type order struct {
	id    int
	items []string
}

func main() {
	ch := make(chan *order)
	done := make(chan bool)
	go func() {
		o := <-ch
		o.items = append(o.items, "receipt")
		fmt.Println(o.id, o.items)
		done <- true
	}()
	o := &order{id: 7}
	o.items = []string{"book", "pen"}
	ch <- o // o belongs to the receiver from here on
	<-done
}
