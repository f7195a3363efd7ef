// defer Unlock right after Lock: every return path, and a panic, releases
// the mutex.
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
	defer s.mu.Unlock()
	if s.items[name] == 0 {
		return errors.New("out of " + name)
	}
	s.items[name]--
	return nil
}

func main() {
	s := &Stock{items: map[string]int{"apple": 2}}
	fmt.Println("take pear:", s.Take("pear"))
	fmt.Println("take apple:", s.Take("apple"))
}
