// want: leak 2
// A two-stage pipeline whose consumer stops early: the squarer blocks on
// its send and the generator blocks behind it.
package main

import "fmt"

func gen(n int) <-chan int {
	out := make(chan int)
	go func() {
		for i := 1; i <= n; i++ {
			out <- i
		}
		close(out)
	}()
	return out
}

func square(in <-chan int) <-chan int {
	out := make(chan int)
	go func() {
		for v := range in {
			out <- v * v
		}
		close(out)
	}()
	return out
}

func main() {
	sq := square(gen(10))
	for v := range sq {
		fmt.Println(v)
		if v >= 9 {
			break // stop early without telling the stages
		}
	}
}
