// A channel of channels: each request carries its own reply channel, so a
// single owner goroutine can answer many clients without shared memory.
package main

import "fmt"

type request struct {
	delta int
	reply chan int // the server answers here
}

func counter(reqs <-chan request, done chan<- int) {
	total := 0 // owned by this goroutine alone: no lock
	for r := range reqs {
		total += r.delta
		r.reply <- total
	}
	done <- total // reqs closed: report and exit
}

func main() {
	reqs := make(chan request)
	done := make(chan int)
	go counter(reqs, done)
	for _, d := range []int{5, -2, 10} {
		r := request{delta: d, reply: make(chan int)}
		reqs <- r
		fmt.Printf("add %3d -> total %d\n", d, <-r.reply)
	}
	close(reqs)
	fmt.Println("server exited with total", <-done)
}
