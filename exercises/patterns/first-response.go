// Ask three replicas, keep the first answer: the two slower ones leak.
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
	out := make(chan string) // unbuffered: only one send can ever complete
	go ask(1, 10*time.Millisecond, out)
	go ask(2, 30*time.Millisecond, out)
	go ask(3, 50*time.Millisecond, out)
	return <-out
}

func main() {
	fmt.Println(first())
	time.Sleep(100 * time.Millisecond) // the slow replicas answer to no one
	fmt.Println("goroutines:", runtime.NumGoroutine())
}
