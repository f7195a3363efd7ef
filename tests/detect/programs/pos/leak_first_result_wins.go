// want: leak 2
// Three replicas answer on an unbuffered channel; main takes the first
// answer and the other two senders are stuck.
package main

import (
	"fmt"
	"time"
)

func query(replica int, out chan<- int) {
	time.Sleep(time.Duration(replica) * 50 * time.Millisecond)
	out <- replica
}

func main() {
	out := make(chan int)
	for r := 1; r <= 3; r++ {
		go query(r, out)
	}
	fmt.Println("first answer from replica", <-out)
	time.Sleep(300 * time.Millisecond)
}
