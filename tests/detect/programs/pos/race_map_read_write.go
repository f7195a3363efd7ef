// want: race 1
// A map read in main and written by a goroutine, with no lock: a read and
// a write of one map race even for different keys.
package main

import (
	"fmt"
	"time"
)

var sessions = map[int]string{1: "alice"}

func main() {
	done := make(chan bool)
	go func() {
		sessions[2] = "bob"
		done <- true
	}()
	time.Sleep(10 * time.Millisecond)
	name := sessions[1] // races with the write
	<-done
	fmt.Println(name)
}
