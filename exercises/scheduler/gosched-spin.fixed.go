// The same turn-taking with channels: a waiting player blocks instead of spinning.
package main

import (
	"fmt"
	"runtime"
	"strings"
	"sync"
)

func main() {
	runtime.GOMAXPROCS(1)
	pingTurn := make(chan struct{}, 1)
	pongTurn := make(chan struct{}, 1)
	var mu sync.Mutex
	var log []string
	var wg sync.WaitGroup
	player := func(mine, theirs chan struct{}, name string) {
		defer wg.Done()
		for i := 0; i < 3; i++ {
			<-mine // parked until it is our turn: no CPU spent waiting
			mu.Lock()
			log = append(log, name)
			mu.Unlock()
			theirs <- struct{}{}
		}
	}
	wg.Add(2)
	go player(pongTurn, pingTurn, "pong")
	go player(pingTurn, pongTurn, "ping")
	pingTurn <- struct{}{} // ping starts
	wg.Wait()
	fmt.Println(strings.Join(log, " "))
}
