// Two goroutines take turns by spinning on a shared turn and yielding.
package main

import (
	"fmt"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
)

func main() {
	runtime.GOMAXPROCS(1)
	var turn atomic.Int32 // 0: ping's turn, 1: pong's turn
	var mu sync.Mutex
	var log []string
	var wg sync.WaitGroup
	player := func(me int32, name string) {
		defer wg.Done()
		for i := 0; i < 3; i++ {
			for turn.Load() != me {
				runtime.Gosched() // give the P to the other player
			}
			mu.Lock()
			log = append(log, name)
			mu.Unlock()
			turn.Store(1 - me)
		}
	}
	wg.Add(2)
	go player(1, "pong")
	go player(0, "ping")
	wg.Wait()
	fmt.Println(strings.Join(log, " "))
}
