// want: lockorder 2
// Two independent inversions on two different pairs of locks: two reports.
package main

import (
	"fmt"
	"sync"
)

var a, b, c, d sync.Mutex

func pair(first, second *sync.Mutex) {
	first.Lock()
	second.Lock()
	second.Unlock()
	first.Unlock()
}

func main() {
	var wg sync.WaitGroup
	steps := [][2]*sync.Mutex{{&a, &b}, {&b, &a}, {&c, &d}, {&d, &c}}
	for _, s := range steps {
		wg.Add(1)
		go func() {
			defer wg.Done()
			pair(s[0], s[1])
		}()
		wg.Wait()
	}
	fmt.Println("all pairs taken")
}
