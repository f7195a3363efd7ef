package main

import (
	"fmt"
	"sort"
	"sync"
)

func producer(id, n int) <-chan string {
	ch := make(chan string)
	go func() {
		for i := 0; i < n; i++ {
			ch <- fmt.Sprintf("p%d-%d", id, i)
		}
		close(ch)
	}()
	return ch
}

func merge(cs ...<-chan string) <-chan string {
	out := make(chan string)
	var wg sync.WaitGroup
	for _, c := range cs {
		wg.Add(1)
		go func(c <-chan string) {
			defer wg.Done()
			for v := range c {
				out <- v
			}
		}(c)
	}
	go func() { wg.Wait(); close(out) }()
	return out
}

func main() {
	var all []string
	for v := range merge(producer(1, 3), producer(2, 2)) {
		all = append(all, v)
	}
	sort.Strings(all)
	fmt.Println(all, len(all))
}

// Output:
// [p1-0 p1-1 p1-2 p2-0 p2-1] 5
