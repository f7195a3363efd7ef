package main

import (
	"fmt"
	"time"
)

func main() {
	t := time.NewTimer(50 * time.Millisecond)
	fmt.Println(t.Stop(), t.Stop())
	t.Reset(10 * time.Millisecond)
	start := time.Now()
	<-t.C
	fmt.Println(time.Since(start) >= 10*time.Millisecond)
	fmt.Println(t.Reset(time.Hour))
	fmt.Println(t.Stop())
	fired := make(chan bool, 1)
	af := time.AfterFunc(time.Hour, func() { fired <- true })
	fmt.Println(af.Stop())
	select {
	case <-fired:
		fmt.Println("fired")
	case <-time.After(5 * time.Millisecond):
		fmt.Println("not fired")
	}
}

// Output:
// true false
// true
// false
// true
// true
// not fired
