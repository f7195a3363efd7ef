// close(start) is a broadcast: every current and future receive on a
// closed channel returns at once, so all three workers start.
package main

import (
	"fmt"
	"sort"
	"time"
)

func main() {
	start := make(chan struct{})
	started := make(chan int, 3)
	for id := 1; id <= 3; id++ {
		go func() {
			<-start
			started <- id
		}()
	}
	time.Sleep(10 * time.Millisecond) // let all three reach <-start
	close(start)                      // wakes every receiver
	ids := []int{<-started, <-started, <-started}
	sort.Ints(ids)
	fmt.Println("workers started:", ids)
}
