// main sends on an unbuffered channel before anyone receives.
package main

import "fmt"

func main() {
	ch := make(chan string)
	ch <- "hello" // no receiver exists yet, and none ever will
	go func() { fmt.Println(<-ch) }()
}
