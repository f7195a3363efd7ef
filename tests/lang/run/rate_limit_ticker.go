package main

import (
	"fmt"
	"time"
)

func main() {
	tick := time.Tick(5 * time.Millisecond)
	start := time.Now()
	for i := 0; i < 4; i++ {
		<-tick
	}
	el := time.Since(start)
	fmt.Println(el >= 20*time.Millisecond, el < time.Second)
}

// Output:
// true true
