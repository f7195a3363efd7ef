// want: lockorder 1
// The cache is read-locked before the index is locked in lookup, and the
// index is locked before the cache is write-locked in rebuild: with a
// writer waiting, the read lock blocks too, so the two orders can deadlock.
package main

import (
	"fmt"
	"sync"
)

var (
	cacheMu sync.RWMutex
	indexMu sync.Mutex
	cache   = map[string]int{}
	index   = []string{}
)

func lookup(k string) int {
	cacheMu.RLock()
	defer cacheMu.RUnlock()
	indexMu.Lock()
	defer indexMu.Unlock()
	return cache[k] + len(index)
}

func rebuild() {
	indexMu.Lock()
	defer indexMu.Unlock()
	cacheMu.Lock()
	defer cacheMu.Unlock()
	index = append(index, "k")
	cache["k"] = len(index)
}

func main() {
	done := make(chan bool)
	go func() { rebuild(); done <- true }()
	<-done
	go func() { fmt.Println("lookup:", lookup("k")); done <- true }()
	<-done
}
