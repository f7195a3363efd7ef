// At GOMAXPROCS=1 a goroutine blocked in a system call gives up its P.
package main

import (
	"fmt"
	"runtime"
	"syscall"
)

func main() {
	runtime.GOMAXPROCS(1)
	events := make(chan string, 2)
	go func() {
		ts := syscall.Timespec{Sec: 0, Nsec: 200_000_000}
		syscall.Nanosleep(&ts, nil) // blocks the thread, not the P
		events <- "A: back from a 200ms nanosleep"
	}()
	go func() {
		sum := 0
		for i := 0; i < 1000; i++ {
			sum += i
		}
		events <- fmt.Sprint("B: ran on the only P meanwhile, sum ", sum)
	}()
	fmt.Println(<-events)
	fmt.Println(<-events)
	fmt.Println("Ps:", runtime.GOMAXPROCS(0))
}
