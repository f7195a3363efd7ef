// The consumer ranges over a channel that main never closes.
package main

import "fmt"

func main() {
	nums := make(chan int)
	total := make(chan int)
	go func() {
		sum := 0
		for n := range nums { // ends only when nums is closed
			sum += n
		}
		total <- sum
	}()
	for i := 1; i <= 3; i++ {
		nums <- i
	}
	fmt.Println("sent 3 numbers; the sum is never reported")
}
