package main

import (
	"fmt"
	"sync"
)

func main() {
	ch := make(chan int, 1)
	var once sync.Once
	ch <- 1
	once.Do(func() { close(ch) })
	fmt.Println(<-ch)
	once.Do(func() { close(ch) })
}
