// want: none
// A three-stage pipeline in which every stage closes its output when its
// input is drained, so the whole chain shuts down when the source ends.
package main

import (
	"fmt"
	"strings"
)

func source(words ...string) <-chan string {
	out := make(chan string)
	go func() {
		defer close(out)
		for _, w := range words {
			out <- w
		}
	}()
	return out
}

func upper(in <-chan string) <-chan string {
	out := make(chan string)
	go func() {
		defer close(out)
		for w := range in {
			out <- strings.ToUpper(w)
		}
	}()
	return out
}

func exclaim(in <-chan string) <-chan string {
	out := make(chan string, 2)
	go func() {
		defer close(out)
		for w := range in {
			out <- w + "!"
		}
	}()
	return out
}

func main() {
	for w := range exclaim(upper(source("go", "chan", "select"))) {
		fmt.Println(w)
	}
}
