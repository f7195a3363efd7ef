// main returns while its workers are still parked: the program ends, the
// workers vanish, and their deferred cleanup never runs.
package main

import (
	"fmt"
	"sync/atomic"
	"time"
)

var cleanups atomic.Int32

func worker(jobs <-chan int) {
	defer cleanups.Add(1) // "close files, flush buffers"
	for range jobs {
	}
}

func main() {
	jobs := make(chan int)
	for w := 0; w < 3; w++ {
		go worker(jobs)
	}
	for j := 0; j < 6; j++ {
		jobs <- j
	}
	time.Sleep(10 * time.Millisecond) // other work; the workers park meanwhile
	fmt.Println("sent 6 jobs; cleanups run:", cleanups.Load())
}
