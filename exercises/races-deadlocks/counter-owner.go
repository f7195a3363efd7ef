// The counter is confined to one goroutine; others send it increments.
package main

import (
	"fmt"
	"sync"
)

func main() {
	incs := make(chan int)
	total := make(chan int)
	go func() { // the only goroutine that ever touches counter
		counter := 0
		for d := range incs {
			counter += d
		}
		total <- counter
	}()
	var wg sync.WaitGroup
	for g := 0; g < 2; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 1000; i++ {
				incs <- 1
			}
		}()
	}
	wg.Wait()
	close(incs)
	fmt.Println("counter:", <-total)
}
