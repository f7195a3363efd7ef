// want: none
// A producer fills a buffered channel and closes it; the consumer drains it
// with range. Each element is written before it is sent.
package main

import "fmt"

type item struct {
	n    int
	name string
}

func main() {
	ch := make(chan *item, 5)
	done := make(chan int)
	go func() {
		sum := 0
		for it := range ch {
			sum += it.n
			it.name = "seen"
		}
		done <- sum
	}()
	for i := 1; i <= 5; i++ {
		ch <- &item{n: i, name: "new"}
	}
	close(ch)
	fmt.Println("sum:", <-done)
}
