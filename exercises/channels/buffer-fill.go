// How many sends complete before a sender would block? Try-send with
// select/default into channels of capacity 0, 1 and 4 with no receiver.
package main

import "fmt"

func fill(ch chan int) int {
	sent := 0
	for {
		select {
		case ch <- sent:
			sent++
		default:
			return sent // the next send would block
		}
	}
}

func main() {
	for _, size := range []int{0, 1, 4} {
		ch := make(chan int, size)
		n := fill(ch)
		fmt.Printf("cap %d: %d completed without a receiver (len=%d), the next blocks\n", cap(ch), n, len(ch))
	}
}
