// want: none
// A struct embeds sync.Mutex and locks itself in its methods.
package main

import (
	"fmt"
	"sync"
)

type inventory struct {
	sync.Mutex
	items map[string]int
}

func (inv *inventory) add(name string, n int) {
	inv.Lock()
	inv.items[name] += n
	inv.Unlock()
}

func (inv *inventory) count(name string) int {
	inv.Lock()
	defer inv.Unlock()
	return inv.items[name]
}

func main() {
	inv := &inventory{items: map[string]int{}}
	var wg sync.WaitGroup
	for w := 1; w <= 3; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			inv.add("bolt", w)
		}()
	}
	wg.Wait()
	fmt.Println("bolts:", inv.count("bolt"))
}
