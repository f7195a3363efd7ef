// Axiom 1: a send on a nil channel blocks forever. With nothing else
// running, Go detects that every goroutine is asleep.
package main

import "fmt"

func main() {
	var ch chan int // declared but never made: nil
	fmt.Println("ch == nil:", ch == nil)
	ch <- 1 // chan send (nil chan)
	fmt.Println("unreachable")
}
