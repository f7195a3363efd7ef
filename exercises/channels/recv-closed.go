// Axiom 4: receiving from a closed channel never blocks. Buffered values
// come out first; after that every receive returns the zero value at once,
// and the comma-ok form reports ok == false.
package main

import "fmt"

func main() {
	ch := make(chan string, 2)
	ch <- "a"
	ch <- "b"
	close(ch)
	for i := 0; i < 4; i++ {
		v, ok := <-ch
		fmt.Printf("receive %d: %q ok=%t\n", i+1, v, ok)
	}
}
