// want: race 1
// The go statement orders what main did before it, not what main does
// after: the goroutine reads name while main assigns it.
package main

import (
	"fmt"
	"time"
)

func main() {
	name := "first"
	done := make(chan string)
	go func() {
		time.Sleep(10 * time.Millisecond)
		done <- "hello " + name
	}()
	name = "second" // after the go statement: races with the read
	fmt.Println(len(<-done) > 0)
}
