// A method locks, then returns early on an error path without unlocking.
// The mutex stays locked forever, and the next caller blocks in Lock.
package main

import (
	"errors"
	"fmt"
	"sync"
)

type Stock struct {
	mu    sync.Mutex
	items map[string]int
}

func (s *Stock) Take(name string) error {
	s.mu.Lock()
	if s.items[name] == 0 {
		return errors.New("out of " + name) // returns still holding the lock
	}
	s.items[name]--
	s.mu.Unlock()
	return nil
}

func main() {
	s := &Stock{items: map[string]int{"apple": 2}}
	fmt.Println("take pear:", s.Take("pear"))
	fmt.Println("take apple:", s.Take("apple")) // blocks forever
}
