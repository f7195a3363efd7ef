package main

import (
	"fmt"
	"time"
)

func main() {
	t := time.NewTicker(10 * time.Millisecond)
	n := 0
	for range t.C {
		n++
		if n == 3 {
			t.Stop()
			break
		}
	}
	fmt.Println("ticks", n)
	tm := time.NewTimer(time.Hour)
	fmt.Println("stopped", tm.Stop())
	tm.Reset(5 * time.Millisecond)
	<-tm.C
	fmt.Println("timer fired")
	done := make(chan bool)
	time.AfterFunc(20*time.Millisecond, func() {
		fmt.Println("after func")
		done <- true
	})
	<-done
}

// Output:
// ticks 3
// stopped true
// timer fired
// after func
