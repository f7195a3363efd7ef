// Go gives you no goroutine ID and no way to kill a goroutine from outside.
// The handle you keep instead is a channel: here one quit channel per
// worker, so exactly one worker can be asked to stop.
package main

import (
	"fmt"
	"sort"
)

func main() {
	quit := map[int]chan struct{}{}
	exited := make(chan string)
	for id := 1; id <= 3; id++ {
		q := make(chan struct{})
		quit[id] = q
		go func() {
			<-q // park until our owner says stop
			exited <- fmt.Sprintf("worker %d stopped", id)
		}()
	}
	close(quit[2])
	fmt.Println("first:", <-exited)
	close(quit[1])
	close(quit[3])
	rest := []string{<-exited, <-exited}
	sort.Strings(rest)
	fmt.Println("then:", rest)
}
