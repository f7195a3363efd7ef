// The receiver is started first, and main waits for it to print.
package main

import "fmt"

func main() {
	ch := make(chan string)
	done := make(chan struct{})
	go func() {
		fmt.Println(<-ch)
		close(done)
	}()
	ch <- "hello" // completes when the goroutine receives
	<-done
}
