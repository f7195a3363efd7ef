// Inside a channel: a ring buffer plus queues of waiting senders and
// receivers. When a receiver is already parked, a send skips the buffer
// and copies the value straight to that receiver.
package main

import (
	"fmt"
	"time"
)

func main() {
	ch := make(chan int, 2)
	got := make(chan int)
	go func() { got <- <-ch }() // parks in the channel's receive queue
	time.Sleep(100 * time.Millisecond)

	ch <- 1 // a receiver is waiting: handed over directly
	fmt.Println("len after sending to a parked receiver:", len(ch))
	fmt.Println("receiver got:", <-got)

	ch <- 2 // nobody waiting: into the ring buffer
	ch <- 3
	fmt.Println("len after two sends with no receiver:", len(ch), "cap:", cap(ch))
	fmt.Println("FIFO order:", <-ch, <-ch)
}
