// Direction in the type: a producer returns a receive-only channel and a
// consumer accepts a send-only one. The bidirectional channel converts to
// either implicitly; the compiler rejects a receive from chan<- or a close
// of <-chan.
package main

import (
	"fmt"
	"strings"
)

func words(text string) <-chan string { // callers can only receive
	out := make(chan string)
	go func() {
		defer close(out) // the creator keeps the right to close
		for _, w := range strings.Fields(text) {
			out <- w
		}
	}()
	return out
}

func upper(in <-chan string, out chan<- string) { // receive from in, send to out
	for w := range in {
		out <- strings.ToUpper(w)
	}
	close(out) // allowed: closing is a sender's operation
}

func main() {
	results := make(chan string) // bidirectional here
	go upper(words("share memory by communicating"), results)
	var got []string
	for w := range results {
		got = append(got, w)
	}
	fmt.Println(strings.Join(got, " "))
	var recvOnly <-chan string = results // implicit conversions
	var sendOnly chan<- string = results
	fmt.Printf("%T | %T | %T\n", results, recvOnly, sendOnly)
}
