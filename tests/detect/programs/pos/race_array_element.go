// want: race 1
// A pointer into an array is handed to a goroutine that writes through it
// while main reads the same element.
package main

import (
	"fmt"
	"time"
)

func main() {
	var grid [4]int
	p := &grid[1]
	done := make(chan bool)
	go func() {
		time.Sleep(10 * time.Millisecond)
		*p = 7
		done <- true
	}()
	v := grid[1] // races with *p = 7
	<-done
	fmt.Println(v, grid[0])
}
