package main

import "fmt"

func main() {
	ch := make(chan int, 3)
	ch <- 1
	ch <- 2
	fmt.Println(len(ch), cap(ch))
	fmt.Println(<-ch)
	ch <- 3
	ch <- 4
	close(ch)
	for v := range ch {
		fmt.Println(v)
	}
	v, ok := <-ch
	fmt.Println(v, ok)
	var nilch chan int
	fmt.Println(len(nilch), cap(nilch))
}

// Output:
// 2 3
// 1
// 2
// 3
// 4
// 0 false
// 0 0
