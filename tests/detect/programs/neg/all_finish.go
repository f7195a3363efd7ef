// want: none
// Every goroutine reports on a shared channel before it ends, and main
// receives exactly as many reports as it started goroutines.
package main

import "fmt"

func main() {
	const n = 5
	reports := make(chan int)
	for i := 0; i < n; i++ {
		go func() {
			reports <- i * 2
		}()
	}
	sum := 0
	for i := 0; i < n; i++ {
		sum += <-reports
	}
	fmt.Println("sum:", sum)
}
