package main

import "fmt"

func main() {
	ch := make(chan int, 1)
	select {
	case v := <-ch:
		fmt.Println("got", v)
	default:
		fmt.Println("empty")
	}
	ch <- 5
	select {
	case v, ok := <-ch:
		fmt.Println("got", v, ok)
	default:
		fmt.Println("empty")
	}
	select {
	case ch <- 1:
		fmt.Println("sent")
	default:
		fmt.Println("full")
	}
	select {
	case ch <- 2:
		fmt.Println("sent")
	default:
		fmt.Println("full")
	}
	var nilch chan int
	select {
	case <-nilch:
		fmt.Println("impossible")
	default:
		fmt.Println("nil never ready")
	}
}

// Output:
// empty
// got 5 true
// sent
// full
// nil never ready
