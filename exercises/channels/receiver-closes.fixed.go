// The receiver closes its own "stop" channel instead; the sender watches
// it, stops sending and closes ch itself, the only closer of ch.
package main

import "fmt"

func main() {
	ch := make(chan int)
	stop := make(chan struct{})
	go func() {
		defer close(ch) // the sender owns ch
		for i := 0; i < 10; i++ {
			select {
			case ch <- i:
			case <-stop:
				return
			}
		}
	}()
	for i := 0; i < 3; i++ {
		fmt.Println("got", <-ch)
	}
	fmt.Println("receiver: enough, closing stop")
	close(stop)
	for range ch { // drain until the sender has closed ch
	}
	fmt.Println("sender stopped and closed ch")
}
