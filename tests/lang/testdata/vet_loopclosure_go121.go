package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fmt.Println(i)
		}()
	}
	for _, s := range []string{"a", "b"} {
		defer func() {
			fmt.Println(s)
		}()
	}
	wg.Wait()
}

// LANG go1.21

// WARN 14:16: loop variable i captured by func literal
// WARN 19:16: loop variable s captured by func literal
