// want: race 1
// A string variable written by a goroutine and read by main with no
// synchronisation.
package main

import (
	"fmt"
	"strings"
	"time"
)

var status = "starting"

func main() {
	go func() {
		status = "running"
	}()
	time.Sleep(10 * time.Millisecond)
	fmt.Println(strings.HasPrefix(status, "r") || strings.HasPrefix(status, "s"))
	time.Sleep(10 * time.Millisecond)
}
