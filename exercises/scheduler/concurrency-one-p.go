// Concurrency without parallelism: two goroutines make progress in turns on one P.
package main

import (
	"fmt"
	"runtime"
)

func main() {
	runtime.GOMAXPROCS(1) // one P: nothing ever runs in parallel
	ping := make(chan int)
	pong := make(chan int)
	done := make(chan struct{})
	go func() {
		for n := range ping {
			fmt.Println("pong", n)
			pong <- n + 1
		}
		close(done)
	}()
	n := 1
	for i := 0; i < 3; i++ {
		fmt.Println("ping", n)
		ping <- n
		n = <-pong
	}
	close(ping)
	<-done
	fmt.Println("both goroutines progressed with", runtime.GOMAXPROCS(0), "P")
}
