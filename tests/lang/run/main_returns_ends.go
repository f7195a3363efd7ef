package main

import (
	"fmt"
	"time"
)

func main() {
	go func() {
		time.Sleep(time.Hour)
		fmt.Println("never printed")
	}()
	go func() {
		for {
			time.Sleep(time.Millisecond)
		}
	}()
	time.Sleep(10 * time.Millisecond)
	fmt.Println("main done")
}

// Output:
// main done
