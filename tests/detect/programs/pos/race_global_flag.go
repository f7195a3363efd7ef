// want: race 1
// A plain bool used as a stop flag: the worker polls it while main sets it.
package main

import (
	"fmt"
	"time"
)

var stop bool

func main() {
	done := make(chan int)
	go func() {
		n := 0
		for n < 3 {
			if stop { // read with no synchronisation
				break
			}
			n++
			time.Sleep(5 * time.Millisecond)
		}
		done <- n
	}()
	time.Sleep(30 * time.Millisecond)
	stop = true
	fmt.Println("ticks:", <-done)
}
