package main

// Several goroutines recurse deep at the same time, switching at every
// level's preemption points and at their bottoms; at the end one is left
// parked deep when main returns, which ends the program as in Go.

import (
	"fmt"
	"runtime"
	"sync"
)

func climb(id, n int, mu *sync.Mutex, seen map[int]int) int {
	if n == 0 {
		runtime.Gosched()
		mu.Lock()
		seen[id]++
		mu.Unlock()
		runtime.Gosched()
		return id
	}
	if n%50000 == 0 {
		runtime.Gosched()
	}
	return climb(id, n-1, mu, seen) + 1
}

func stuck(n int, c chan int) int {
	if n == 0 {
		return <-c
	}
	return stuck(n-1, c) + 1
}

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	seen := map[int]int{}
	results := make([]int, 6)
	for i := 0; i < 6; i++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			results[id] = climb(id, 150000+id*10000, &mu, seen)
		}(i)
	}
	wg.Wait()
	fmt.Println(results, len(seen))

	never := make(chan int)
	started := make(chan bool)
	go func() {
		started <- true
		stuck(500000, never)
	}()
	<-started
	runtime.Gosched()
	fmt.Println("main returns")
}

// Output:
// [150000 160001 170002 180003 190004 200005] 6
// main returns
