package main

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"time"
)

type SafeCounter struct {
	mu sync.Mutex
	m  map[string]int
}

func (c *SafeCounter) Inc(key string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m[key]++
}

type Cache struct {
	sync.RWMutex
	data map[int]int
}

func (c *Cache) Get(k int) (int, bool) {
	c.RLock()
	defer c.RUnlock()
	v, ok := c.data[k]
	return v, ok
}

func producer(ctx context.Context, out chan<- int) {
	defer close(out)
	for i := 0; ; i++ {
		select {
		case <-ctx.Done():
			return
		case out <- i:
		}
	}
}

func consumer(in <-chan int, done chan struct{}) {
	for v := range in {
		if v > 3 {
			break
		}
	}
	done <- struct{}{}
}

func worker(id int, jobs <-chan int, results chan<- int, wg *sync.WaitGroup) {
	defer wg.Done()
	for j := range jobs {
		results <- j * id
	}
}

func main() {
	c := SafeCounter{m: make(map[string]int)}
	var wg sync.WaitGroup
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.Inc("k")
		}()
	}
	wg.Wait()

	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	ch := make(chan int)
	done := make(chan struct{})
	go producer(ctx, ch)
	go consumer(ch, done)
	<-done

	jobs := make(chan int, 5)
	results := make(chan int, 5)
	var wg2 sync.WaitGroup
	for w := 1; w <= 2; w++ {
		wg2.Add(1)
		go worker(w, jobs, results, &wg2)
	}
	for j := 0; j < 5; j++ {
		jobs <- j
	}
	close(jobs)
	wg2.Wait()
	close(results)

	var ops atomic.Int64
	var n int32
	atomic.AddInt32(&n, 1)
	ops.Add(2)

	var once sync.Once
	once.Do(func() { fmt.Println("once") })

	timer := time.NewTimer(time.Millisecond)
	select {
	case <-timer.C:
	case <-time.After(time.Second):
	default:
	}
	timer.Stop()
	ticker := time.NewTicker(time.Millisecond)
	ticker.Stop()

	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	_ = cond
	runtime.Gosched()
	fmt.Println(c.m["k"], ops.Load(), n, runtime.NumGoroutine() > 0, time.Since(time.Now()) >= 0)
	cache := &Cache{data: map[int]int{1: 2}}
	if v, ok := cache.Get(1); ok {
		fmt.Println(v)
	}
	var nilch chan int
	select {
	case v, ok := <-nilch:
		fmt.Println(v, ok)
	default:
	}
	sem := make(chan struct{}, 2)
	sem <- struct{}{}
	<-sem
}
