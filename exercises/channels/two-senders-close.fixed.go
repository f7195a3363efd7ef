// Neither sender closes. A WaitGroup counts the senders and a separate
// closer goroutine closes the channel once both have returned.
package main

import (
	"fmt"
	"sync"
)

func main() {
	ch := make(chan int)
	var wg sync.WaitGroup
	send := func(from, n int) {
		defer wg.Done()
		for i := 0; i < n; i++ {
			ch <- from + i
		}
	}
	wg.Add(2)
	go send(0, 2)   // sender A
	go send(100, 5) // sender B
	go func() {
		wg.Wait() // both senders have returned
		close(ch) // so the only close happens after the last send
	}()
	fmt.Println("receiving until ch is closed")
	count, sum := 0, 0
	for v := range ch {
		count++
		sum += v
	}
	fmt.Println("received", count, "values, sum", sum)
}
