// want: race 1
// The closure captures err by reference; the goroutine assigns it while
// main goes on and assigns it too.
package main

import (
	"errors"
	"fmt"
	"time"
)

func main() {
	var err error
	done := make(chan bool)
	go func() {
		err = errors.New("from the goroutine")
		done <- true
	}()
	time.Sleep(10 * time.Millisecond)
	err = errors.New("from main") // races with the goroutine's assignment
	<-done
	fmt.Println("err set:", err != nil)
}
