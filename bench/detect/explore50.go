// The explorer's benchmark program: two goroutines and 50 statements in
// all (main 8, each worker 21), every one a preemption point, sharing a
// counter under a mutex and reporting on a channel. It never fails, so
// `chanlab run --explore N` runs all N schedules.
package main

import (
	"fmt"
	"sync"
)

var (
	mu    sync.Mutex
	total int
)

func worker(id int, done chan<- int) {
	a := id
	b := a * 2
	mu.Lock()
	total += a
	mu.Unlock()
	c := b + 1
	mu.Lock()
	total += b
	mu.Unlock()
	d := c * 3
	mu.Lock()
	total += c
	mu.Unlock()
	e := d - a
	mu.Lock()
	total += d
	mu.Unlock()
	mu.Lock()
	total += e
	mu.Unlock()
	done <- e + b
}

func main() {
	done := make(chan int)
	go worker(1, done)
	go worker(2, done)
	x := <-done
	y := <-done
	mu.Lock()
	fmt.Println(x+y, total)
	mu.Unlock()
}
