package main

import (
	"fmt"
)

func main() {
	ping := make(chan int)
	pong := make(chan int)
	go func() {
		for v := range ping {
			fmt.Println("ping", v)
			pong <- v + 1
		}
		close(pong)
	}()
	v := 0
	for i := 0; i < 3; i++ {
		ping <- v
		v = <-pong
		fmt.Println("pong", v)
	}
	close(ping)
	_, ok := <-pong
	fmt.Println(ok)
}

// Output:
// ping 0
// pong 1
// ping 1
// pong 2
// ping 2
// pong 3
// false
