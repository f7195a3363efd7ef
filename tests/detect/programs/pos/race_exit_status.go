// want: race 1
// exit: 3
// The program ends with os.Exit(3): a race detector that found a race
// keeps that status (only an exit status of 0 becomes 66).
package main

import (
	"fmt"
	"os"
	"time"
)

func main() {
	x := 0
	go func() { x = 1 }()
	time.Sleep(10 * time.Millisecond)
	fmt.Println(x == 0 || x == 1)
	os.Exit(3)
}
