package main

import "fmt"

func main() {
	a := make(chan int)
	b := make(chan int)
	quit := make(chan struct{})
	go func() {
		for i := 0; i < 3; i++ {
			a <- i
		}
		for i := 10; i < 12; i++ {
			b <- i
		}
		close(quit)
	}()
	sum := 0
	for {
		select {
		case v := <-a:
			sum += v
		case v := <-b:
			sum += v
		case <-quit:
			fmt.Println("sum", sum)
			return
		}
	}
}

// Output:
// sum 24
