// Every stage also selects on done, so closing done stops the whole pipeline.
package main

import (
	"fmt"
	"runtime"
	"sync"
	"time"
)

func generate(done <-chan struct{}, wg *sync.WaitGroup) <-chan int {
	out := make(chan int)
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(out)
		for n := 1; ; n++ {
			select {
			case out <- n:
			case <-done:
				return
			}
		}
	}()
	return out
}

func double(done <-chan struct{}, wg *sync.WaitGroup, in <-chan int) <-chan int {
	out := make(chan int)
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(out)
		for n := range in {
			select {
			case out <- n * 2:
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
	out := double(done, &wg, double(done, &wg, generate(done, &wg)))
	for i := 0; i < 3; i++ {
		fmt.Println(<-out)
	}
	close(done) // one close reaches every stage
	wg.Wait()
	time.Sleep(100 * time.Millisecond) // let the last stage finish exiting after Done
	fmt.Println("goroutines left:", runtime.NumGoroutine())
}
