// A panic in any goroutine that nobody recovers ends the whole program.
// main's deferred recover cannot help: recover only works in the goroutine
// that is panicking.
package main

import "fmt"

func parse(s string) int {
	if s == "" {
		panic("parse: empty input")
	}
	return len(s)
}

func main() {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println("main recovered:", r) // never printed
		}
	}()
	inputs := []string{"ab", "", "abc"}
	results := make(chan int)
	fmt.Println("starting", len(inputs), "workers")
	for _, in := range inputs {
		go func() { results <- parse(in) }()
	}
	sum := 0
	for range inputs {
		sum += <-results
	}
	fmt.Println("sum:", sum)
}
