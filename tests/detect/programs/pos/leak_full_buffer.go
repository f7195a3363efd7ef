// want: leak 1
// The producer fills a buffer of two and blocks on the third send after
// the consumer has stopped reading.
package main

import "fmt"

func main() {
	ch := make(chan int, 2)
	stopped := make(chan bool)
	go func() {
		for i := 1; i <= 5; i++ {
			if i == 4 {
				stopped <- true
			}
			ch <- i
		}
	}()
	fmt.Println(<-ch)
	<-stopped
	fmt.Println("len:", len(ch))
}
