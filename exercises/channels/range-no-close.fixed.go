// The producer closes the channel when it has sent everything, so the
// range loop ends after the last value.
package main

import "fmt"

func produce(ch chan<- int) {
	defer close(ch) // the sender announces "no more values"
	for i := 1; i <= 3; i++ {
		ch <- i * i
	}
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
