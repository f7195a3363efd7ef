// main closes the channel and waits for the consumer's answer.
package main

import "fmt"

func main() {
	nums := make(chan int)
	total := make(chan int)
	go func() {
		sum := 0
		for n := range nums {
			sum += n
		}
		total <- sum
	}()
	for i := 1; i <= 3; i++ {
		nums <- i
	}
	close(nums) // the sender closes: the range loop can end
	fmt.Println("sum:", <-total)
}
