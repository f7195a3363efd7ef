// Merging two channels that both get closed. Once a channel is closed, its
// receive case is ready forever: the loop keeps picking it and receiving
// nothing ("wasted" receives) until the other channel is done too.
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
	aDone, bDone, wasted := false, false, 0
	for !aDone || !bDone {
		select {
		case v, ok := <-a:
			if !ok {
				if aDone {
					wasted++
				}
				aDone = true
				continue
			}
			got = append(got, v)
		case v, ok := <-b:
			if !ok {
				if bDone {
					wasted++
				}
				bDone = true
				continue
			}
			got = append(got, v)
		}
	}
	sort.Ints(got)
	fmt.Println("merged:", got, "wasted receives:", wasted)
}
