// rtbench.go: the Go side of bench/rt/rt_bench.c, the same programs figure
// by figure. Run with GOMAXPROCS=1 (bench/compare.sh does). Prints one
// `name value unit` line per figure; an argument runs one figure only.
package main

import (
	"fmt"
	"os"
	"runtime"
	"sync"
	"syscall"
	"time"
)

// cpuNow is the process's CPU time (user + system), as rt_bench.c measures:
// on a shared machine wall time measures the neighbours.
func cpuNow() int64 {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return ru.Utime.Nano() + ru.Stime.Nano()
}

func rssBytes() int64 {
	b, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return 0
	}
	var size, rss int64
	fmt.Sscan(string(b), &size, &rss)
	return rss * 4096
}

func yieldPingpong() float64 {
	const n = 2000000
	var wg sync.WaitGroup
	wg.Add(2)
	t0 := cpuNow()
	for k := 0; k < 2; k++ {
		go func() {
			for i := 0; i < n; i++ {
				runtime.Gosched()
			}
			wg.Done()
		}()
	}
	wg.Wait()
	return float64(cpuNow()-t0) / (2 * n)
}

func chanPingpong() float64 {
	const n = 1000000
	a, b := make(chan int), make(chan int)
	go func() {
		for i := 0; i < n; i++ {
			b <- <-a
		}
	}()
	t0 := cpuNow()
	for i := 0; i < n; i++ {
		a <- i
		<-b
	}
	return float64(cpuNow()-t0) / n
}

func chanBuffered() float64 {
	const n = 5000000
	c := make(chan int, 128)
	t0 := cpuNow()
	go func() {
		for i := 0; i < n; i++ {
			c <- i
		}
		close(c)
	}()
	k := 0
	for range c {
		k++
	}
	return float64(cpuNow()-t0) / float64(k)
}

func spawnJoin() float64 {
	const n = 1000000
	var wg sync.WaitGroup
	t0 := cpuNow()
	for i := 0; i < n/100; i++ {
		wg.Add(100)
		for k := 0; k < 100; k++ {
			go func() { wg.Done() }()
		}
		wg.Wait()
	}
	return float64(cpuNow()-t0) / n
}

func select2() float64 {
	const n = 2000000
	a, b := make(chan int, 1), make(chan int, 1)
	a <- 1
	b <- 1
	t0 := cpuNow()
	for i := 0; i < n; i++ {
		select {
		case <-a:
			a <- 1
		case <-b:
			b <- 1
		}
	}
	return float64(cpuNow()-t0) / n
}

func parkedBytes(n int) float64 {
	c := make(chan int)
	runtime.GC()
	rss0 := rssBytes()
	for i := 0; i < n; i++ {
		go func() { <-c }()
	}
	time.Sleep(time.Millisecond) // every goroutine runs and parks
	for runtime.NumGoroutine() < n+1 {
		time.Sleep(time.Millisecond)
	}
	return float64(rssBytes()-rss0) / float64(n)
}

func main() {
	only := ""
	if len(os.Args) > 1 {
		only = os.Args[1]
	}
	run := func(name, unit string, f func() float64) {
		if only == "" || only == name {
			fmt.Printf("%s %.1f %s\n", name, f(), unit)
		}
	}
	run("yield_pingpong", "ns/switch", yieldPingpong)
	run("chan_pingpong", "ns/roundtrip", chanPingpong)
	run("chan_buffered", "ns/item", chanBuffered)
	run("spawn_join", "ns/goroutine", spawnJoin)
	run("select2", "ns/select", select2)
	run("parked_bytes_100k", "bytes/goroutine", func() float64 { return parkedBytes(100000) })
	run("parked_bytes_1m", "bytes/goroutine", func() float64 { return parkedBytes(1000000) })
}
