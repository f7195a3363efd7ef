// want: leak 1
// The goroutine expects two values but only one is ever sent.
package main

import (
	"fmt"
	"time"
)

func main() {
	ch := make(chan int)
	go func() {
		a := <-ch
		b := <-ch // nobody sends a second value
		fmt.Println(a + b)
	}()
	ch <- 1
	time.Sleep(10 * time.Millisecond)
	fmt.Println("sent one value")
}
