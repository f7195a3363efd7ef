// want: none
// Buffers are passed back and forth between two goroutines: only the
// current holder touches a buffer, and every hand-over is a channel send.
package main

import "fmt"

func main() {
	toFill := make(chan []int, 2)
	toSum := make(chan []int)
	toFill <- make([]int, 3)
	toFill <- make([]int, 3)
	total := make(chan int)
	go func() {
		sum := 0
		for b := range toSum {
			for _, v := range b {
				sum += v
			}
			toFill <- b
		}
		total <- sum
	}()
	for round := 1; round <= 4; round++ {
		b := <-toFill
		for i := range b {
			b[i] = round
		}
		toSum <- b
	}
	close(toSum)
	fmt.Println("total:", <-total)
}
