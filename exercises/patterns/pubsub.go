// A broker with one bounded channel per subscriber drops messages for the slow one.
package main

import (
	"fmt"
	"sync"
)

type subscriber struct {
	name    string
	ch      chan int
	dropped int
}

func publish(subs []*subscriber, msg int) {
	for _, s := range subs {
		select {
		case s.ch <- msg: // room in this subscriber's buffer
		default:
			s.dropped++ // never block the publisher on one slow reader
		}
	}
}

func main() {
	fast := &subscriber{name: "fast", ch: make(chan int, 5)}
	slow := &subscriber{name: "slow", ch: make(chan int, 2)}
	subs := []*subscriber{fast, slow}
	for msg := 1; msg <= 5; msg++ {
		publish(subs, msg)
	}
	var wg sync.WaitGroup
	received := make([][]int, len(subs))
	for i, s := range subs {
		close(s.ch)
		wg.Add(1)
		go func() {
			defer wg.Done()
			for m := range s.ch {
				received[i] = append(received[i], m)
			}
		}()
	}
	wg.Wait()
	for i, s := range subs {
		fmt.Println(s.name, "got", received[i], "dropped", s.dropped)
	}
}
