// want: none
// Non-blocking sends and receives with select/default; every value that
// does get through is ordered by its channel operation.
package main

import (
	"fmt"
	"runtime"
)

func main() {
	ch := make(chan []int, 1)
	dropped := 0
	for i := 0; i < 3; i++ {
		select {
		case ch <- []int{i}:
		default:
			dropped++
		}
	}
	got := make(chan int)
	go func() {
		for {
			select {
			case s := <-ch:
				got <- s[0]
				return
			default:
				runtime.Gosched()
			}
		}
	}()
	fmt.Println("got", <-got, "dropped", dropped)
}
