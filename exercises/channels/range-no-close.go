// range over a channel ends only when the channel is closed. The producer
// sends three values and returns without closing: the loop waits forever.
package main

import "fmt"

func produce(ch chan<- int) {
	for i := 1; i <= 3; i++ {
		ch <- i * i
	}
	// missing: close(ch)
}

func main() {
	ch := make(chan int)
	go produce(ch)
	sum := 0
	for v := range ch {
		sum += v
		fmt.Println("received", v)
	}
	fmt.Println("sum:", sum)
}
