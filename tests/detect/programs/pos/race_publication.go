// want: race 2
// Publication without happens-before: the writer fills data and then sets
// a plain flag; the reader checks the flag and reads data. Nothing orders
// the two goroutines, so both variables race.
package main

import (
	"fmt"
	"time"
)

var (
	data  string
	ready bool
)

func main() {
	go func() {
		data = "hello"
		ready = true
	}()
	time.Sleep(10 * time.Millisecond)
	if ready {
		fmt.Println(data)
	}
}
