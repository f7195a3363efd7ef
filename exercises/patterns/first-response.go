// Ask three replicas, keep the first answer: the two others leak.
package main

import (
	"fmt"
	"runtime"
	"time"
)

func ask(replica int, out chan<- string) {
	out <- fmt.Sprint("answer from replica ", replica)
}

func first() string {
	out := make(chan string) // unbuffered: only one send can ever complete
	for r := 1; r <= 3; r++ {
		go ask(r, out)
	}
	return <-out // whichever replica is first; the others wait for a second receive
}

func main() {
	answer := first()
	fmt.Println("got an answer:", answer != "")
	time.Sleep(100 * time.Millisecond) // the other replicas answer to no one
	fmt.Println("goroutines:", runtime.NumGoroutine())
}
