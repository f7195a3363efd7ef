package main

// A goroutine parks on a channel at the bottom of a recursion a million
// calls deep while other goroutines run (main recursing deep too, and two
// goroutines ping-ponging from the bottoms of their own deep recursions);
// it resumes there and returns up through all its stack segments.

import (
	"fmt"
	"time"
)

func depth(n int) int {
	if n == 0 {
		return 0
	}
	return depth(n-1) + 1
}

func dive(n int, in <-chan int, out chan<- int) int {
	if n == 0 {
		v := <-in
		out <- v * 2
		select {
		case v = <-in:
		case <-time.After(time.Second):
			v = -1
		}
		return v
	}
	return dive(n-1, in, out) + 1
}

// pinger and ponger exchange a counter 1000 times, each from the bottom of
// its own recursion 200,000 deep.
func pinger(n int, ping, pong chan int) int {
	if n == 0 {
		s := 0
		for i := 0; i < 1000; i++ {
			ping <- i
			s += <-pong
		}
		close(ping)
		return s
	}
	return pinger(n-1, ping, pong)
}

func ponger(n int, ping, pong chan int) int {
	if n == 0 {
		c := 0
		for v := range ping {
			pong <- v + 1
			c++
		}
		return c
	}
	return ponger(n-1, ping, pong)
}

func main() {
	in := make(chan int)
	out := make(chan int)
	done := make(chan int)
	go func() { done <- dive(1000000, in, out) }()
	fmt.Println("main", depth(300000))
	in <- 21
	fmt.Println("doubled", <-out)
	in <- 5
	fmt.Println("dive", <-done)

	ping, pong := make(chan int), make(chan int)
	res := make(chan int, 2)
	go func() { res <- pinger(200000, ping, pong) }()
	go func() { res <- ponger(200000, ping, pong) }()
	a, b := <-res, <-res
	if a > b {
		a, b = b, a
	}
	fmt.Println("pingpong", a, b)
}

// Output:
// main 300000
// doubled 42
// dive 1000005
// pingpong 1000 500500
