// A buffer with one slot per replica lets every late send complete.
package main

import (
	"fmt"
	"runtime"
	"time"
)

func ask(replica int, delay time.Duration, out chan<- string) {
	time.Sleep(delay)
	out <- fmt.Sprint("answer from replica ", replica)
}

func first() string {
	out := make(chan string, 3) // room for every answer: no send blocks
	go ask(1, 10*time.Millisecond, out)
	go ask(2, 30*time.Millisecond, out)
	go ask(3, 50*time.Millisecond, out)
	return <-out
}

func main() {
	fmt.Println(first())
	time.Sleep(100 * time.Millisecond) // the late answers land in the buffer
	fmt.Println("goroutines:", runtime.NumGoroutine())
}
