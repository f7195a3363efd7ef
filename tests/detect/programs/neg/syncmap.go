// want: none
// sync.Map is safe for concurrent use without a lock of one's own.
package main

import (
	"fmt"
	"sort"
	"sync"
)

func main() {
	var m sync.Map
	var wg sync.WaitGroup
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			m.Store(i, i*i)
			m.LoadOrStore("shared", i)
		}()
	}
	wg.Wait()
	var keys []int
	m.Range(func(k, v any) bool {
		if n, ok := k.(int); ok {
			keys = append(keys, n)
		}
		return true
	})
	sort.Ints(keys)
	v, _ := m.Load(3)
	fmt.Println(keys, v)
}
