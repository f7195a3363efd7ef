// want: none
// A server goroutine owns its state; clients send requests that carry their
// own reply channel.
package main

import "fmt"

type request struct {
	key   string
	reply chan int
}

func server(reqs <-chan request, stopped chan<- int) {
	counts := map[string]int{} // owned by this goroutine alone
	for r := range reqs {
		counts[r.key]++
		r.reply <- counts[r.key]
	}
	stopped <- len(counts)
}

func main() {
	reqs := make(chan request)
	stopped := make(chan int)
	go server(reqs, stopped)
	for _, k := range []string{"a", "b", "a", "a"} {
		r := request{key: k, reply: make(chan int)}
		reqs <- r
		fmt.Println(k, <-r.reply)
	}
	close(reqs)
	fmt.Println("distinct keys:", <-stopped)
}
