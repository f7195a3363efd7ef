// Two senders share one channel and the first to finish closes it. The
// other sender is still sending, and its next send panics.
package main

import "fmt"

func main() {
	ch := make(chan int)
	go func() { // sender A: two values, then "I'm done, close"
		ch <- 1
		ch <- 2
		close(ch)
	}()
	go func() { // sender B: a stream that is not done yet
		for i := 100; ; i++ {
			ch <- i
		}
	}()
	fmt.Println("receiving until ch is closed")
	for range ch {
	}
	select {} // wait: the program ends with B's panic
}
