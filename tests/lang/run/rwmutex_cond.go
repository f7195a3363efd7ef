package main

import (
	"fmt"
	"sync"
)

type Queue struct {
	mu    sync.Mutex
	cond  *sync.Cond
	items []int
}

func main() {
	q := &Queue{}
	q.cond = sync.NewCond(&q.mu)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		got := 0
		for got < 3 {
			q.mu.Lock()
			for len(q.items) == 0 {
				q.cond.Wait()
			}
			v := q.items[0]
			q.items = q.items[1:]
			q.mu.Unlock()
			fmt.Println("consumed", v)
			got++
		}
	}()
	for i := 1; i <= 3; i++ {
		q.mu.Lock()
		q.items = append(q.items, i)
		q.cond.Signal()
		q.mu.Unlock()
	}
	wg.Wait()
	var rw sync.RWMutex
	data := map[string]int{}
	var wg2 sync.WaitGroup
	for i := 0; i < 5; i++ {
		wg2.Add(1)
		go func() {
			defer wg2.Done()
			rw.Lock()
			data["k"]++
			rw.Unlock()
			rw.RLock()
			_ = data["k"]
			rw.RUnlock()
		}()
	}
	wg2.Wait()
	fmt.Println(data["k"])
}

// Output:
// consumed 1
// consumed 2
// consumed 3
// 5
