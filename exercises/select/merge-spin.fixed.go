// The same merge, but a channel variable is set to nil once its channel is
// closed. A nil channel's case is never ready, so select only waits on the
// inputs that can still deliver something.
package main

import (
	"fmt"
	"sort"
)

func source(vals ...int) <-chan int {
	ch := make(chan int, len(vals))
	for _, v := range vals {
		ch <- v
	}
	close(ch)
	return ch
}

func main() {
	a, b := source(1, 2), source(10, 20, 30, 40, 50, 60)
	var got []int
	wasted := 0
	for a != nil || b != nil {
		select {
		case v, ok := <-a:
			if !ok {
				a = nil // disable this case
				continue
			}
			got = append(got, v)
		case v, ok := <-b:
			if !ok {
				b = nil
				continue
			}
			got = append(got, v)
		}
	}
	sort.Ints(got)
	fmt.Println("merged:", got, "wasted receives:", wasted)
}
