package main

import (
	"fmt"
	"sync"
)

func safe(id int, wg *sync.WaitGroup) {
	defer wg.Done()
	defer func() {
		if r := recover(); r != nil {
			fmt.Println("worker", id, "recovered:", r)
		}
	}()
	if id == 2 {
		panic("bad worker")
	}
}

func main() {
	var wg sync.WaitGroup
	for i := 1; i <= 3; i++ {
		wg.Add(1)
		safe(i, &wg)
	}
	wg.Wait()
	fmt.Println("all done")
}

// Output:
// worker 2 recovered: bad worker
// all done
