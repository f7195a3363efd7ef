// Axiom 3: a send on a closed channel panics, even when the buffer has
// room: close means "no more values", and that is enforced.
package main

import "fmt"

func main() {
	ch := make(chan int, 3)
	ch <- 1
	close(ch)
	fmt.Println("closed with", len(ch), "value buffered and room for", cap(ch)-len(ch), "more")
	ch <- 2 // panic
	fmt.Println("unreachable")
}
