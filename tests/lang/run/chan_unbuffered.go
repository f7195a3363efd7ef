package main

import "fmt"

func main() {
	ch := make(chan string)
	done := make(chan bool)
	go func() {
		for msg := range ch {
			fmt.Println("recv", msg)
		}
		done <- true
	}()
	for _, m := range []string{"a", "b", "c"} {
		ch <- m
	}
	close(ch)
	<-done
	fmt.Println("done")
}

// Output:
// recv a
// recv b
// recv c
// done
