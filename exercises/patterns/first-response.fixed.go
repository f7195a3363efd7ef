// A buffer with one slot per replica lets every late send complete.
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
	out := make(chan string, 3) // room for every answer: no send blocks
	for r := 1; r <= 3; r++ {
		go ask(r, out)
	}
	return <-out // whichever replica is first
}

func main() {
	answer := first()
	fmt.Println("got an answer:", answer != "")
	time.Sleep(100 * time.Millisecond) // the late answers land in the buffer
	fmt.Println("goroutines:", runtime.NumGoroutine())
}
