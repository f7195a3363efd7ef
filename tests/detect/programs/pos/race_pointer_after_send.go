// want: race 1
// The sender keeps modifying the record after handing its pointer over the
// channel: the send orders the writes before it, not the one after.
package main

import (
	"fmt"
	"time"
)

type msg struct {
	id   int
	body string
}

func main() {
	ch := make(chan *msg)
	done := make(chan bool)
	go func() {
		m := <-ch
		time.Sleep(10 * time.Millisecond)
		fmt.Println("id", m.id)
		_ = m.body // races with the write after the send
		done <- true
	}()
	m := &msg{id: 1, body: "a"}
	ch <- m
	m.body = "b" // BUG: the receiver owns m now
	<-done
}
