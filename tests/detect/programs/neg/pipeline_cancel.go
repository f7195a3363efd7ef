// want: none
// The fixed early-stopping pipeline: the consumer closes done, and every
// stage selects on done when it sends, so all stages return.
package main

import (
	"fmt"
	"sync"
)

func gen(done <-chan struct{}, wg *sync.WaitGroup) <-chan int {
	out := make(chan int)
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(out)
		for i := 1; ; i++ {
			select {
			case out <- i:
			case <-done:
				return
			}
		}
	}()
	return out
}

func square(done <-chan struct{}, in <-chan int, wg *sync.WaitGroup) <-chan int {
	out := make(chan int)
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(out)
		for v := range in {
			select {
			case out <- v * v:
			case <-done:
				return
			}
		}
	}()
	return out
}

func main() {
	done := make(chan struct{})
	var wg sync.WaitGroup
	for v := range square(done, gen(done, &wg), &wg) {
		fmt.Println(v)
		if v >= 16 {
			break
		}
	}
	close(done)
	wg.Wait()
	fmt.Println("all stages returned")
}
