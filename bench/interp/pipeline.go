// pipeline.go: three stages over 1,000,000 values (generate, square, sum).
package main

import "fmt"

func main() {
	src := make(chan int, 64)
	sq := make(chan int, 64)
	go func() {
		for i := 0; i < 1000000; i++ {
			src <- i
		}
		close(src)
	}()
	go func() {
		for v := range src {
			sq <- v % 1000 * (v % 1000)
		}
		close(sq)
	}()
	sum := 0
	for v := range sq {
		sum += v
	}
	fmt.Println(sum)
}
