// want: none
// A timer stopped before it fires never fires; Reset arms it again; its
// channel delivers once.
package main

import (
	"fmt"
	"time"
)

func main() {
	t := time.NewTimer(time.Hour)
	fmt.Println("stopped:", t.Stop())
	t.Reset(5 * time.Millisecond)
	<-t.C
	fmt.Println("fired after reset")
	stopped := 0
	hits := make(chan int, 1)
	for i := 0; i < 3; i++ {
		at := time.AfterFunc(time.Hour, func() { hits <- i })
		if at.Stop() {
			stopped++
		}
	}
	fmt.Println("stopped before firing:", stopped, "fired:", len(hits))
}
